/**
 * Example programs for the numeric library, each written only against its public API (the
 * NumPy-like {@code dev.legate.numeric}): Black-Scholes option pricing, a 2-D Jacobi stencil and
 * logistic regression by gradient descent. The same programs run on one core, all cores or GPUs.
 */
module dev.legate.examples.numeric {
    requires dev.legate.numeric;

    exports dev.legate.examples.numeric;
}
