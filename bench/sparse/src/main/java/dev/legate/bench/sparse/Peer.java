package dev.legate.bench.sparse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the SciPy peer script (bench/sparse/scipy_peer.py) and reads the figures it prints. */
final class Peer {
    private Peer() {
    }

    /** The script, found from the working directory (the repository root or bench/sparse). */
    static Path script() {
        for (Path p : List.of(Path.of("bench/sparse/scipy_peer.py"), Path.of("scipy_peer.py"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("scipy_peer.py not found from " + Path.of("").toAbsolutePath());
    }

    /** Runs the script with {@code args} and returns its last output line. */
    static String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("python3", script().toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("peer failed: " + cmd + "\n" + out);
            }
            String[] lines = out.split("\n");
            return lines[lines.length - 1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number after {@code key=} in {@code line}. */
    static double field(String line, String key) {
        for (String t : line.split(" ")) {
            if (t.startsWith(key + "=")) {
                return Double.parseDouble(t.substring(key.length() + 1));
            }
        }
        throw new IllegalArgumentException("no " + key + " in: " + line);
    }

    /** The median of {@code v}. */
    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The first line of {@code uptime}'s output (the machine's load). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
