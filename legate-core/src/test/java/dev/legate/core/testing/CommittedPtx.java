package dev.legate.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks a module's committed PTX against its CUDA sources, for the PTX tests of the CUDA
 * provider and of the libraries with GPU variants. scripts/gpu-ptx writes each PTX with the
 * header lines {@code // legate: source sha256 HEX} and {@code // legate: nvcc FLAGS}; the
 * checks are: every source's PTX names the source's current hash (always), and recompiling the
 * source with those flags gives the committed PTX (where nvcc is on the PATH and is the version
 * that made it). Machines without nvcc build from the committed PTX.
 */
public final class CommittedPtx {
    private final String test;
    private final Path sources;
    private final Function<Path, Path> ptxOf;

    /**
     * @param test the test's name, for the lines it prints when a check is skipped
     * @param sources the folder of {@code .cu} sources
     * @param ptxOf the committed PTX file of a source
     */
    public CommittedPtx(String test, Path sources, Function<Path, Path> ptxOf) {
        this.test = test;
        this.sources = sources;
        this.ptxOf = ptxOf;
    }

    /** The {@code .cu} files of the sources folder, sorted. */
    public List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(sources)) {
            return s.filter(p -> p.toString().endsWith(".cu")).sorted().toList();
        }
    }

    /** The committed PTX file of {@code cu}. */
    public Path ptxOf(Path cu) {
        return ptxOf.apply(cu);
    }

    /** The value of the {@code // legate: KEY} header line of a PTX file's lines. */
    public static String header(List<String> ptx, String key) {
        String prefix = "// legate: " + key + " ";
        for (String line : ptx) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new AssertionError("the PTX has no '// legate: " + key + "' header line; regenerate it with scripts/gpu-ptx");
    }

    /** Asserts that there are at least {@code atLeast} sources and every one's PTX names its current hash. */
    public void checkHashes(int atLeast) throws IOException, NoSuchAlgorithmException {
        List<Path> cus = sources();
        assertTrue(cus.size() >= atLeast, "kernel sources in " + sources.toAbsolutePath() + ": " + cus);
        for (Path cu : cus) {
            Path ptx = ptxOf(cu);
            assertTrue(Files.isRegularFile(ptx), ptx + " is missing; run scripts/gpu-ptx");
            String want = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cu)));
            assertEquals(want, header(Files.readAllLines(ptx), "source sha256"), cu + " changed since " + ptx
                    + " was generated; run scripts/gpu-ptx and commit the PTX");
        }
    }

    /**
     * Asserts that nvcc, given the flags each PTX header names, makes the committed PTX; prints
     * why and returns when nvcc is not on the PATH, and skips a file made by another nvcc version.
     */
    public void checkRecompiles() throws IOException, InterruptedException {
        Optional<String> nvcc = onPath("nvcc");
        if (nvcc.isEmpty()) {
            System.out.println(test + ": nvcc is not on the PATH; the committed PTX is used as is "
                    + "(checked against the sources' hashes only)");
            return;
        }
        String version = run(List.of(nvcc.get(), "--version"), 60).lines()
                .filter(l -> l.startsWith("Cuda compilation tools")).findFirst().orElse("?");
        for (Path cu : sources()) {
            Path ptx = ptxOf(cu);
            List<String> committed = Files.readAllLines(ptx);
            String madeBy = committed.stream().filter(l -> l.startsWith("// Cuda compilation tools")).findFirst()
                    .orElse("").replace("// ", "");
            if (!madeBy.equals(version)) {
                System.out.println(test + ": " + ptx + " was made by '" + madeBy + "', this nvcc is '" + version
                        + "'; exact comparison skipped");
                continue;
            }
            Path out = Files.createTempFile("legate-ptx", ".ptx");
            try {
                List<String> cmd = new ArrayList<>();
                cmd.add(nvcc.get());
                cmd.addAll(List.of(header(committed, "nvcc").split(" ")));
                cmd.addAll(List.of("-o", out.toString(), cu.toString()));
                run(cmd, 300);
                List<String> fresh = Files.readAllLines(out, StandardCharsets.UTF_8);
                List<String> body = committed.stream().filter(l -> !l.startsWith("// legate: ")).toList();
                assertEquals(body, fresh, ptx + " differs from what nvcc makes of " + cu + "; run scripts/gpu-ptx");
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    private static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    private static String run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), cmd.get(0) + " timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd.get(0) + " failed: " + cmd + "\n" + text);
        return text;
    }
}
