package dev.legate.numeric.internal.kernels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a NumPy timing snippet in {@code python3} for the benchmark harnesses. */
final class BenchSupport {
    private BenchSupport() {}

    /**
     * Best-of-5 seconds of a Python statement, with {@code np}, {@code rng = default_rng(0)},
     * {@code n} and preallocated outputs {@code d} (float64) and {@code f} (float32) of {@code n}
     * elements defined; NaN when python3 or NumPy is unavailable.
     */
    static double numpy(String statement, long n) {
        return python("import numpy as np\nrng = np.random.default_rng(0)\nn = " + n
                + "\nd = np.ones(n)\nf = np.ones(n, dtype=np.float32)\n", statement);
    }

    /** Best-of-5 seconds of {@code statement} after running {@code setup} once; NaN on failure. */
    static double python(String setup, String statement) {
        String script = setup + "import time\nbest = 1e9\nfor _ in range(5):\n"
                + "    t = time.perf_counter()\n    " + statement + "\n"
                + "    best = min(best, time.perf_counter() - t)\nprint(best)\n";
        try {
            Process p = new ProcessBuilder(List.of("python3", "-c", script)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                System.err.println("python3 failed: " + out);
                return Double.NaN;
            }
            return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            System.err.println("python3 unavailable: " + e.getMessage());
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
