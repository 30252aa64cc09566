/**
 * Example programs written only against the public numeric and sparse APIs: the flagship
 * {@link dev.legate.sparse.examples.PowerIteration} and {@link dev.legate.sparse.examples.Poisson2D}.
 * Each has a {@code main} and a method that returns its measurements, for benchmarks.
 */
package dev.legate.sparse.examples;
