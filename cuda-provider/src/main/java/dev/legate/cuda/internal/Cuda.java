package dev.legate.cuda.internal;

import jcuda.driver.CUresult;

/** Checks the result codes of driver calls (JCuda's own exceptions stay disabled). */
final class Cuda {
    private Cuda() {
    }

    /**
     * Throws a {@link CudaCallException} naming {@code call} unless {@code rc} is
     * {@code CUDA_SUCCESS}.
     */
    static void check(int rc, String call) {
        if (rc != CUresult.CUDA_SUCCESS) {
            throw new CudaCallException(call, rc);
        }
    }

    /** A byte count for messages, such as {@code 1.5 GiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
