package dev.legate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Assumptions;

/**
 * What the image tests share: the cpu image, linked once per test JVM with {@code link-image.sh}
 * from the module path Maven passes in (the project's modules, as jars or class folders); running
 * commands; compiling small programs and plugins against the project's modules.
 *
 * <p>Without a JDK that has jlink (or without bash) the tests are skipped with the reason printed.
 */
final class ImageFixture {
    /** A finished command. */
    record Result(int status, String out, String err) {
        /** Asserts exit status 0, showing the output otherwise. */
        Result ok() {
            assertEquals(0, status, () -> "exit status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    private static Path cpu;

    private ImageFixture() {
    }

    /** The cpu image, linked on first use. */
    static synchronized Path cpuImage() {
        if (cpu == null) {
            Path javaHome = Path.of(System.getProperty("java.home"));
            Path jlink = javaHome.resolve("bin/jlink");
            if (!Files.isExecutable(jlink)) {
                skip("no jlink at " + jlink + " (a JRE, not a JDK, runs the tests)");
            }
            if (!Files.isExecutable(Path.of("/bin/bash")) && !Files.isExecutable(Path.of("/usr/bin/bash"))) {
                skip("no bash to run link-image.sh");
            }
            Path out = Path.of(property("legate.images.dir"));
            Result r = run(Path.of("."), Map.of("JAVA_HOME", javaHome.toString()), Duration.ofMinutes(3), "bash",
                    property("legate.linker"), "--module-path", property("legate.modulepath"), "--out", out.toString(),
                    "cpu");
            System.out.print(r.out());
            if (r.status() != 0) {
                fail("linking the cpu image failed (status " + r.status() + "):\n" + r.out() + r.err());
            }
            if (!Files.isExecutable(out.resolve("cpu/bin/legate"))) {
                fail("link-image.sh made no cpu image:\n" + r.out() + r.err());
            }
            cpu = out.resolve("cpu");
        }
        return cpu;
    }

    /** Prints why the calling test is skipped and skips it. */
    static void skip(String reason) {
        System.out.println("[legate-distribution] skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** A required system property set by the distribution's pom. */
    static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests with Maven");
        }
        return v;
    }

    /** A fresh folder under target/ for one test's files. */
    static Path workDir(String name) {
        try {
            Path dir = Path.of(property("legate.work.dir")).resolve(name);
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code bin/legate} of {@code image} with {@code args}. */
    static Result legate(Path image, String... args) {
        return legate(image, Map.of(), args);
    }

    /** Runs {@code bin/legate} of {@code image} with extra environment variables. */
    static Result legate(Path image, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(image.resolve("bin/legate").toString());
        cmd.addAll(Arrays.asList(args));
        return run(image.getParent(), env, Duration.ofMinutes(2), cmd.toArray(String[]::new));
    }

    /** Runs a command in {@code dir}, with the LEGATE_* variables of this JVM's environment removed. */
    static Result run(Path dir, Map<String, String> env, Duration timeout, String... cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LEGATE_"));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish within " + timeout);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles the given sources (path relative to the source root, then text) against the
     * project's modules and packs them into {@code jar}, with {@code mainClass} if not null.
     */
    static Path compileJar(Path work, Path jar, String mainClass, boolean modular, String... sources) {
        try {
            Path src = Files.createDirectories(work.resolve("src-" + jar.getFileName()));
            Path classes = Files.createDirectories(work.resolve("classes-" + jar.getFileName()));
            List<String> javac = new ArrayList<>(List.of("-d", classes.toString(),
                    modular ? "--module-path" : "--class-path", property("legate.modulepath"), "-Xlint:-options"));
            for (int i = 0; i < sources.length; i += 2) {
                Path file = src.resolve(sources[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, sources[i + 1]);
                javac.add(file.toString());
            }
            tool("javac", javac);
            return jar(jar, mainClass, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs the class folder {@code classes} into {@code jar}, with {@code mainClass} if not null. */
    static Path jar(Path jar, String mainClass, Path classes) {
        List<String> jarArgs = new ArrayList<>(List.of("--create", "--file", jar.toString()));
        if (mainClass != null) {
            jarArgs.addAll(List.of("--main-class", mainClass));
        }
        jarArgs.addAll(List.of("-C", classes.toString(), "."));
        tool("jar", jarArgs);
        return jar;
    }

    private static void tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException("no " + name));
        var out = new java.io.StringWriter();
        int status = tool.run(new java.io.PrintWriter(out), new java.io.PrintWriter(out), args.toArray(String[]::new));
        if (status != 0) {
            fail(name + " " + args + " failed:\n" + out);
        }
    }
}
