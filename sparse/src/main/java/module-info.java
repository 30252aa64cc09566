/**
 * Sparse: SciPy-like sparse matrices (CSR, CSC, COO, DIA), their operations, iterative solvers
 * and Matrix Market I/O on the Legate runtime; the Java counterpart of legate-sparse and
 * {@code scipy.sparse}.
 *
 * <p>Index and value arrays are numeric {@link dev.legate.numeric.NDArray}s over core stores,
 * shared without copies. Matrix-vector products are split into row tiles; each point task
 * reaches the slice of the vector its column indices name through an image constraint, never a
 * broadcast of the whole vector. The library's tasks live in an unexported package and are
 * found by the runtime through {@link java.util.ServiceLoader}.
 *
 * @provides dev.legate.core.spi.LegateLibrary the sparse library's tasks
 */
module dev.legate.sparse {
    requires transitive dev.legate.core;
    requires transitive dev.legate.numeric;

    exports dev.legate.sparse;
    // Runnable example programs (the flagship and the Poisson solve), exported so that
    // benchmarks and launchers can run them; they use only the public API above.
    exports dev.legate.sparse.examples;

    provides dev.legate.core.spi.LegateLibrary with dev.legate.sparse.internal.SparseLibrary;
}
