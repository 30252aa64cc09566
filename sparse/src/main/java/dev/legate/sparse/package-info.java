/**
 * SciPy-like sparse matrices on the Legate runtime.
 *
 * <p>{@link dev.legate.sparse.Sparse} makes matrices (from arrays, triplets, dense arrays,
 * {@code random}, {@code eye}, {@code diags}, {@code kron}); {@link dev.legate.sparse.SparseMatrix}
 * is their common interface, with the formats {@link dev.legate.sparse.CsrMatrix},
 * {@link dev.legate.sparse.CscMatrix}, {@link dev.legate.sparse.CooMatrix} and
 * {@link dev.legate.sparse.DiaMatrix}; {@link dev.legate.sparse.Linalg} holds the solvers and
 * norms, {@link dev.legate.sparse.LinearOperator} the matrix-free operators they accept, and
 * {@link dev.legate.sparse.MatrixMarket} reads and writes {@code .mtx} files.
 *
 * <p>Like numeric's arrays, operations are recorded and run asynchronously; only methods that
 * return Java values wait.
 */
package dev.legate.sparse;
