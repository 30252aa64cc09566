package dev.legate.numeric.internal.gpu;

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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Numeric's committed PTX ({@code numeric.ptx}, loaded by {@link Gpu}) matches its CUDA source:
 * always by the source hash that scripts/gpu-ptx writes into the PTX header; and, where nvcc is on
 * the PATH and is the version that made the committed PTX, by recompiling with the flags the header
 * names. Machines without nvcc build from the committed PTX.
 */
class NumericPtxTest {
    private static final Path SOURCES = Path.of("src/main/cuda");
    private static final Path RESOURCES = Path.of("src/main/resources/dev/legate/numeric/internal/gpu");

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
            assertTrue(header(Files.readAllLines(ptx), "nvcc").contains("--fmad=false"),
                    "numeric's kernels are compiled without multiply-add contraction");
        }
    }

    @Test
    void recompilingWithTheSameNvccGivesTheCommittedPtx() throws IOException, InterruptedException {
        Optional<String> nvcc = HostTools.find("nvcc");
        if (nvcc.isEmpty()) {
            System.out.println("NumericPtxTest: nvcc is not on the PATH; the committed PTX is used as is "
                    + "(checked against the source's hash only)");
            return;
        }
        String version = HostTools.run(List.of(nvcc.get(), "--version"), 60).lines()
                .filter(l -> l.startsWith("Cuda compilation tools")).findFirst().orElse("?");
        for (Path cu : sources()) {
            Path ptx = ptxOf(cu);
            List<String> committed = Files.readAllLines(ptx);
            String madeBy = committed.stream().filter(l -> l.startsWith("// Cuda compilation tools")).findFirst()
                    .orElse("").replace("// ", "");
            if (!madeBy.equals(version)) {
                System.out.println("NumericPtxTest: " + ptx + " was made by '" + madeBy + "', this nvcc is '" + version
                        + "'; exact comparison skipped");
                continue;
            }
            Path out = Files.createTempFile("legate-ptx", ".ptx");
            try {
                List<String> cmd = new ArrayList<>();
                cmd.add(nvcc.get());
                cmd.addAll(List.of(header(committed, "nvcc").split(" ")));
                cmd.addAll(List.of("-o", out.toString(), cu.toString()));
                HostTools.run(cmd, 300);
                List<String> fresh = Files.readAllLines(out, StandardCharsets.UTF_8);
                List<String> body = committed.stream().filter(l -> !l.startsWith("// legate: ")).toList();
                assertEquals(body, fresh, ptx + " differs from what nvcc makes of " + cu + "; run scripts/gpu-ptx");
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }
}
