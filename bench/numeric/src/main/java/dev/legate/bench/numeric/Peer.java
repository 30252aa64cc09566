package dev.legate.bench.numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the NumPy peer script (bench/numeric/numpy_peer.py) and reads the figure it prints. */
final class Peer {
    private Peer() {
    }

    /** The script, found from the working directory (the repository root or bench/numeric). */
    static Path script() {
        for (Path p : List.of(Path.of("bench/numeric/numpy_peer.py"), Path.of("numpy_peer.py"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("numpy_peer.py not found from " + Path.of("").toAbsolutePath());
    }

    /** NumPy's median seconds for the workload {@code args}. */
    static double seconds(String... args) {
        List<String> cmd = new ArrayList<>(List.of("python3", script().toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("peer failed: " + cmd + "\n" + out);
            }
            String[] lines = out.split("\n");
            for (String t : lines[lines.length - 1].split(" ")) {
                if (t.startsWith("numpy_s=")) {
                    return Double.parseDouble(t.substring("numpy_s=".length()));
                }
            }
            throw new IllegalStateException("no numpy_s in peer output: " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The machine's load averages, for the record. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
