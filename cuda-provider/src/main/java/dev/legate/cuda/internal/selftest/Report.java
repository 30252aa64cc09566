package dev.legate.cuda.internal.selftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints one line per check and per measurement, and counts failures. */
final class Report {
    /** A check's body: returns a short detail for the PASS line, or throws. */
    interface Check {
        String run() throws Throwable;
    }

    private final List<String> failed = new ArrayList<>();
    private int passed;

    /** Runs {@code check}, printing {@code CHECK PASS name (detail)} or {@code CHECK FAIL name: why}. */
    void check(String name, Check check) {
        long t0 = System.nanoTime();
        try {
            String detail = check.run();
            passed++;
            System.out.printf(Locale.ROOT, "CHECK PASS %-58s %7.1f ms  %s%n", name, (System.nanoTime() - t0) / 1e6,
                    detail == null ? "" : detail);
        } catch (Throwable t) {
            failed.add(name);
            System.out.printf(Locale.ROOT, "CHECK FAIL %-58s %7.1f ms  %s%n", name, (System.nanoTime() - t0) / 1e6,
                    oneLine(t));
            t.printStackTrace(System.out);
        }
        System.out.flush();
    }

    /** Prints {@code BENCH key value unit what}. */
    void bench(String key, double value, String unit, String what) {
        System.out.printf(Locale.ROOT, "BENCH %s %.3f %s %s%n", key, value, unit, what);
        System.out.flush();
    }

    static String oneLine(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString().replace('\n', ' ');
    }

    /** Prints the summary line; true when every check passed. */
    boolean summary() {
        System.out.println("SUMMARY " + passed + " passed, " + failed.size() + " failed" + (failed.isEmpty() ? ""
                : ": " + String.join(", ", failed)));
        return failed.isEmpty();
    }

    /** Throws {@link AssertionError} with {@code message} unless {@code ok}. */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
