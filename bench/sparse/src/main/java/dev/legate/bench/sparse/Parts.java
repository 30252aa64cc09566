package dev.legate.bench.sparse;

import dev.legate.core.Legate;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Linalg;
import dev.legate.sparse.Sparse;

/** Times the parts of one power iteration separately (SpMV, norm, divide): a profiling aid. */
public final class Parts {
    private Parts() {
    }

    /** Arguments {@code n density reps}. */
    public static void main(String[] args) {
        long n = args.length > 0 ? (long) Double.parseDouble(args[0]) : 1_000_000;
        double density = args.length > 1 ? Double.parseDouble(args[1]) : 1e-5;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long t0 = System.nanoTime();
        CsrMatrix r = Sparse.random(n, n, density, 0);
        long nnz0 = r.nnz();
        long t1 = System.nanoTime();
        var rt = r.transpose();
        CsrMatrix sum = r.plus(rt);
        long nnz1 = sum.nnz();
        long t2 = System.nanoTime();
        CsrMatrix a = sum.times(0.5).plus(Sparse.eye(n).times(n));
        long nnz = a.nnz();
        long t3 = System.nanoTime();
        System.out.printf("build: random %.3f s (nnz %d), A+A.T %.3f s (nnz %d), scale+eye %.3f s (nnz %d)%n",
                (t1 - t0) / 1e9, nnz0, (t2 - t1) / 1e9, nnz1, (t3 - t2) / 1e9, nnz);
        NDArray x = Sparse.randomVector(n, 1);
        x.item(0);
        NDArray y = a.matmul(x);
        y.item(0);
        NDArray v = x.copy();
        StringBuilder its = new StringBuilder("power iterations (each synchronised), ms:");
        for (int i = 0; i < 3 * reps; i++) {
            long s0 = System.nanoTime();
            v = a.matmul(v);
            v.idivide(Linalg.norm(v));
            v.item(0);
            its.append(String.format(" %.1f", (System.nanoTime() - s0) / 1e6));
        }
        System.out.println(its);
        time("spmv", reps, () -> a.matmul(x).item(0));
        timeEach("spmv x" + reps + " then one sync (per product)", reps, () -> {
            NDArray last = x;
            for (int i = 0; i < reps; i++) {
                last = a.matmul(x);
            }
            last.item(0);
        });
        time("spmv + in-place divide by norm (one power iteration)", reps, () -> {
            NDArray z = a.matmul(x);
            z.idivide(Linalg.norm(z));
            z.item(0);
        });
        time("norm", reps, () -> Linalg.norm(x).item());
        time("divide", reps, () -> x.divide(2.0).item(0));
        NDArray nrm = Linalg.norm(x);
        time("divide0d", reps, () -> x.divide(nrm).item(0));
        Legate.runtime().fence();
    }

    private static void timeEach(String what, int per, Runnable r) {
        r.run();
        long t0 = System.nanoTime();
        r.run();
        System.out.printf("%s: %.3f ms%n", what, (System.nanoTime() - t0) / 1e6 / per);
    }

    private static void time(String what, int reps, Runnable r) {
        r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        System.out.printf("%s: %.3f ms%n", what, (System.nanoTime() - t0) / 1e6 / reps);
    }
}
