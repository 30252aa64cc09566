package dev.legate.sparse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sparse library's committed PTX ({@code sparse.ptx}, loaded by {@link Gpu}) matches its CUDA
 * sources: always by the source hash that scripts/gpu-ptx
 * writes into each PTX file's header; and, where nvcc is on the PATH and is the version that
 * made the committed PTX, by recompiling. Machines without nvcc build from the committed PTX.
 */
class SparsePtxTest {
    private static final Path SOURCES = Path.of("src/main/cuda");
    private static final Path RESOURCES = Path.of("src/main/resources/dev/legate/sparse/internal");

    private static Path ptxOf(Path cu) {
        return RESOURCES.resolve(cu.getFileName().toString().replace(".cu", ".ptx"));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".cu")).sorted().toList();
        }
    }

    private static String header(List<String> ptx, String key) {
        for (String line : ptx) {
            if (line.startsWith("// legate: " + key + " ")) {
                return line.substring(("// legate: " + key + " ").length()).trim();
            }
        }
        throw new AssertionError("the PTX has no '// legate: " + key + "' header line; regenerate it with scripts/gpu-ptx");
    }

    @Test
    void everyPtxNamesItsSourcesCurrentHash() throws IOException, NoSuchAlgorithmException {
        List<Path> cus = sources();
        assertTrue(cus.size() >= 1, "kernel sources in " + SOURCES.toAbsolutePath() + ": " + cus);
        for (Path cu : cus) {
            Path ptx = ptxOf(cu);
            assertTrue(Files.isRegularFile(ptx), ptx + " is missing; run scripts/gpu-ptx");
            String want = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cu)));
            assertEquals(want, header(Files.readAllLines(ptx), "source sha256"), cu + " changed since " + ptx
                    + " was generated; run scripts/gpu-ptx and commit the PTX");
        }
    }

    @Test
    void recompilingWithTheSameNvccGivesTheCommittedPtx() throws IOException, InterruptedException {
        String version = nvccVersion();
        if (version == null) {
            System.out.println("SparsePtxTest: nvcc is not on the PATH; the committed PTX is used as is "
                    + "(checked against the sources' hashes only)");
            return;
        }
        for (Path cu : sources()) {
            Path ptx = ptxOf(cu);
            List<String> committed = Files.readAllLines(ptx);
            String madeBy = committed.stream().filter(l -> l.startsWith("// Cuda compilation tools")).findFirst()
                    .orElse("").replace("// ", "");
            if (!madeBy.equals(version)) {
                System.out.println("SparsePtxTest: " + ptx + " was made by '" + madeBy + "', this nvcc is '" + version
                        + "'; exact comparison skipped");
                continue;
            }
            Path out = Files.createTempFile("legate-ptx", ".ptx");
            try {
                List<String> cmd = new ArrayList<>();
                cmd.add("nvcc");
                cmd.addAll(List.of(header(committed, "nvcc").split(" ")));
                cmd.addAll(List.of("-o", out.toString(), cu.toString()));
                run(cmd);
                List<String> fresh = Files.readAllLines(out, StandardCharsets.UTF_8);
                List<String> body = committed.stream().filter(l -> !l.startsWith("// legate: ")).toList();
                assertEquals(body, fresh, ptx + " differs from what nvcc makes of " + cu + "; run scripts/gpu-ptx");
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    private static String nvccVersion() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("nvcc", "--version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return text.lines().filter(l -> l.startsWith("Cuda compilation tools")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "nvcc timed out: " + cmd);
        assertEquals(0, p.exitValue(), "nvcc failed: " + cmd + "\n" + text);
    }
}
