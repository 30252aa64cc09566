/** The numeric API. */
package dev.legate.numeric;
