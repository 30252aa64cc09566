/**
 * A first Legate program: an annotated task launched over a large store on every processor,
 * a reduction to a scalar, and a table of which point task ran where.
 */
module dev.legate.examples.hello {
    requires dev.legate.core;

    exports dev.legate.examples.hello;
}
