package dev.legate.launcher;

import static dev.legate.launcher.ImageFixture.compileJar;
import static dev.legate.launcher.ImageFixture.legate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.launcher.ImageFixture.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cpu image end to end: {@code bin/legate} runs --show-config, the bundled examples, a class
 * path jar, a modular jar and third-party plugins inside a freshly linked image.
 */
class ImageTest {
    private static final String APP = """
            package app;

            import dev.legate.core.DType;
            import dev.legate.core.Legate;
            import dev.legate.core.LegateRuntime;
            import dev.legate.core.LogicalStore;
            import dev.legate.core.ProcessorKind;
            import dev.legate.core.Scalar;

            public class App {
                public static void main(String[] args) {
                    LegateRuntime rt = Legate.runtime();
                    LogicalStore s = rt.createStore(DType.FLOAT64, 1 << 18);
                    rt.fill(s, Scalar.of(1.5));
                    var d = s.physical().data().doubles();
                    double sum = 0;
                    for (long i = 0; i < d.size(); i++) {
                        sum += d.get(i);
                    }
                    Module m = App.class.getModule();
                    System.out.println("cpus=" + rt.machine().count(ProcessorKind.CPU));
                    System.out.println("sum=" + sum);
                    System.out.println("args=" + String.join("|", args));
                    System.out.println("module=" + (m.isNamed() ? m.getName() : "unnamed"));
                    System.out.println("native=" + m.isNativeAccessEnabled());
                    System.out.println("sysmem=" + System.getProperty("legate.sysmem"));
                }
            }
            """;

    private static final String PLUGIN = """
            package acme;

            import dev.legate.core.ProcessorKind;
            import dev.legate.core.Version;
            import dev.legate.core.VersionRange;
            import dev.legate.core.spi.LegateLibrary;
            import dev.legate.core.spi.TaskRegistry;
            import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

            public final class AcmeLibrary implements LegateLibrary {
                public String name() {
                    return "acme";
                }

                public Version version() {
                    return new Version(0, 3, 0);
                }

                public VersionRange coreApi() {
                    return VersionRange.parse("[1.0,2.0)");
                }

                public void register(TaskRegistry registry) {
                    registry.register("noop", Map.of(ProcessorKind.CPU, ctx -> { }));
                }
            }
            """;

    private static Path image;
    private static Path work;
    private static Path appJar;
    private static Path modularJar;
    private static Path pluginJar;
    private static Set<String> modules;

    @BeforeAll
    static void link() {
        image = ImageFixture.cpuImage();
        modules = ImageFixture.run(image, Map.of(), java.time.Duration.ofMinutes(1), image.resolve("bin/java").toString(),
                "--list-modules").ok().out().lines().map(l -> l.replaceFirst("@.*", "")).collect(Collectors.toSet());
        work = ImageFixture.workDir("image-test");
        appJar = compileJar(work, work.resolve("app.jar"), "app.App", false, "app/App.java", APP);
        modularJar = compileJar(work, work.resolve("app-modular.jar"), "app.App", true,
                "module-info.java", "module app.mod { requires dev.legate.core; }", "app/App.java", APP);
        pluginJar = compileJar(work, work.resolve("acme-plugin.jar"), null, true,
                "module-info.java", """
                        module acme.plugin {
                            requires dev.legate.core;
                            provides dev.legate.core.spi.LegateLibrary with acme.AcmeLibrary;
                        }
                        """, "acme/AcmeLibrary.java", PLUGIN);
    }

    @Test
    void showConfigWithTwoCpus() {
        Result r = legate(image, "--cpus", "2", "--show-config").ok();
        assertTrue(r.out().contains("Image: cpu at "), r.out());
        assertTrue(r.out().contains("CPUs: 2"), r.out());
        assertTrue(r.out().contains("GPUs: 0"), r.out());
        assertTrue(r.out().contains("Providers:\n  cpu: 2 CPU processors"), r.out());
        assertTrue(r.out().contains("Libraries:\n  legate.core 1.0.0"), r.out());
        for (String module : List.of("dev.legate.numeric", "dev.legate.sparse")) {
            if (image(module)) {
                assertTrue(r.out().contains("(module " + module), module + " is in the image but not listed:\n" + r.out());
            }
        }
    }

    @Test
    void theCpuImageHoldsNoGpuOrArrowModule() {
        for (String m : modules) {
            boolean allowed = Image.isJdk(m) || (m.startsWith("dev.legate.") && !m.equals("dev.legate.cuda"));
            assertTrue(allowed, "cpu image holds " + m + ": " + modules);
        }
        assertTrue(modules.containsAll(List.of("dev.legate.core", "dev.legate.cpu", "dev.legate.launcher", "jdk.jfr")),
                modules.toString());
    }

    @Test
    void thePackedImageRunsWhereverItIsUnpacked() {
        Path dist = work.resolve("dist");
        Path root = Path.of(ImageFixture.property("legate.repo.root")).toAbsolutePath().normalize();
        Result packed = ImageFixture.run(root, Map.of("LEGATE_IMAGES_DIR", image.getParent().toString(),
                "LEGATE_DIST_DIR", dist.toString()), java.time.Duration.ofMinutes(2), "bash",
                root.resolve("scripts/pack-image").toString(), "--no-build", "cpu").ok();
        assertTrue(packed.out().startsWith("packed image cpu: " + dist.resolve("legate-cpu.tar.gz")), packed.out());
        Path unpacked = work.resolve("unpacked");
        ImageFixture.run(work, Map.of(), java.time.Duration.ofMinutes(1), "mkdir", "-p", unpacked.toString()).ok();
        ImageFixture.run(unpacked, Map.of(), java.time.Duration.ofMinutes(1), "tar", "xzf",
                dist.resolve("legate-cpu.tar.gz").toString()).ok();
        Result r = legate(unpacked.resolve("legate-cpu"), "--cpus", "2", "--show-config").ok();
        assertTrue(r.out().startsWith("Image: cpu at " + unpacked.resolve("legate-cpu")), r.out());
        assertTrue(r.out().contains("CPUs: 2"), r.out());
    }

    @Test
    void everyExampleOfTheImageRunsOnTwoCpus() {
        List<Examples.Example> present = Examples.bundled().all().stream().filter(e -> image(e.module())).toList();
        if (present.isEmpty()) {
            ImageFixture.skip("no example module is in the cpu image yet");
        }
        String help = legate(image, "--help").ok().out();
        for (Examples.Example e : present) {
            assertTrue(help.contains("  " + e.name() + " "), "--help does not list " + e.name() + ":\n" + help);
            Result r = legate(image, "--cpus", "2", "--example", e.name()).ok();
            assertFalse(r.out().isBlank(), "example " + e.name() + " printed nothing");
            if (e.name().equals("hello")) {
                assertTrue(r.out().contains("2 CPU and 0 GPU processors"), r.out());
            }
            if (e.name().equals("power-iteration")) {
                assertTrue(r.out().startsWith("backend=legate-java n=200000 "), r.out());
                assertTrue(r.out().contains(" result="), r.out());
            }
        }
    }

    @Test
    void classPathJarRunsWithTheSettings() {
        Result r = legate(image, "--cpus", "2", "--sysmem", "1g", appJar.toString(), "a b", "--cpus").ok();
        assertTrue(r.out().contains("cpus=2\n"), r.out());
        assertTrue(r.out().contains("sum=393216.0\n"), r.out());
        assertTrue(r.out().contains("args=a b|--cpus\n"), "program arguments pass untouched:\n" + r.out());
        assertTrue(r.out().contains("module=unnamed\n"), r.out());
        assertTrue(r.out().contains("native=true\n"), r.out());
        assertTrue(r.out().contains("sysmem=1g\n"), r.out());
        assertNoWarnings(r);
    }

    @Test
    void modularJarRunsOnTheModulePath() {
        Result r = legate(image, "--cpus", "2", modularJar.toString(), "x").ok();
        assertTrue(r.out().contains("cpus=2\n"), r.out());
        assertTrue(r.out().contains("module=app.mod\n"), r.out());
        assertTrue(r.out().contains("native=true\n"), r.out());
        assertTrue(r.out().contains("args=x\n"), r.out());
        assertNoWarnings(r);
    }

    @Test
    void pluginsFromAnOptionAndFromThePluginsFolder() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins-option"));
        Files.copy(pluginJar, dir.resolve("acme-plugin.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result r = legate(image, "--plugins", dir.toString(), "--show-config").ok();
        assertTrue(r.out().contains("acme 0.3.0 (module acme.plugin"), r.out());

        Path inImage = image.resolve("plugins/acme-plugin.jar");
        Files.copy(pluginJar, inImage, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            Result fromFolder = legate(image, "--show-config").ok();
            assertTrue(fromFolder.out().contains("acme 0.3.0 (module acme.plugin"), fromFolder.out());
            assertTrue(fromFolder.out().contains("plugin path: " + image.resolve("plugins")), fromFolder.out());
        } finally {
            Files.delete(inImage);
        }
    }

    @Test
    void theRepositorysExamplePluginWorksFromThePluginsFolder() throws IOException {
        String built = System.getProperty("legate.example.plugin", "");
        if (built.isBlank() || built.startsWith("${")) {
            ImageFixture.skip("the example plugin (examples/plugin-histogram) is not in this build");
        }
        Path source = Path.of(built);
        Path inImage = image.resolve("plugins/histogram-plugin.jar");
        if (Files.isDirectory(source)) {
            ImageFixture.jar(inImage, null, source);
        } else {
            Files.copy(source, inImage, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Result r = legate(image, "--cpus", "2", "--show-config").ok();
            assertTrue(r.out().contains("histogram 2.3.0 (module org.example.histogram"), r.out());
        } finally {
            Files.delete(inImage);
        }
    }

    @Test
    void profileWritesATimelineOrAJfrRecording() {
        Path trace = work.resolve("trace.json");
        legate(image, "--cpus", "2", "--profile", trace.toString(), appJar.toString()).ok();
        assertTrue(read(trace).startsWith("{\"traceEvents\":["), "not a Chrome trace: " + trace);
        Path jfr = work.resolve("run.jfr");
        Result r = legate(image, "--cpus", "2", "--profile", jfr.toString(), appJar.toString()).ok();
        assertTrue(Files.isRegularFile(jfr) && jfr.toFile().length() > 0, "no JFR recording at " + jfr);
        assertTrue(r.out().startsWith("cpus=2"), "JFR must leave standard output to the program:\n" + r.out());
    }

    @Test
    void aSymlinkToTheLauncherWorks() throws IOException {
        Path link = work.resolve("legate-link");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, image.resolve("bin/legate"));
        Result r = ImageFixture.run(work, Map.of(), java.time.Duration.ofMinutes(1), link.toString(), "--help").ok();
        assertTrue(r.out().startsWith("Usage: legate"), r.out());
    }

    @Test
    void errorsAreOneLineAndNonZero() throws IOException {
        Path notJar = Files.writeString(work.resolve("not-a.jar"), "hello");
        Path badPlugins = Files.createDirectories(work.resolve("bad-plugins"));
        Files.writeString(badPlugins.resolve("broken.jar"), "not a zip");
        Path needsSql = compileJar(work, work.resolve("needs-sql.jar"), null, true,
                "module-info.java", "module acme.sql { requires java.sql; }", "acme/sql/S.java",
                "package acme.sql; public class S { java.sql.Connection c; }");
        Path sqlPlugins = Files.createDirectories(work.resolve("sql-plugins"));
        Files.copy(needsSql, sqlPlugins.resolve("needs-sql.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertError(2, "unknown option '--frobnicate'", "--frobnicate", appJar.toString());
        assertError(2, "no such jar: missing.jar", "missing.jar");
        assertError(2, "not a jar file: " + notJar, notJar.toString());
        assertError(2, "option --sysmem expects a size such as 512m or 4g, got '12x'", "--sysmem", "12x", "--show-config");
        assertError(2, "option --cpus expects an integer >= 1, got 'many'", "--cpus", "many", "--show-config");
        assertError(2, "option --cpus needs a value", "--cpus");
        assertError(2, "nothing to run", "--cpus", "2");
        assertError(2, "unknown example 'nope'", "--example", "nope");
        assertError(2, "module no.such.module is not in image cpu", "--module", "no.such.module/x.Y");
        assertError(2, "class dev.legate.core.Legate of module dev.legate.core has no main method",
                "--module", "dev.legate.core/dev.legate.core.Legate");
        assertError(2, "option --plugins: no such folder or jar: nowhere", "--plugins", "nowhere", "--show-config");
        assertError(1, "a plugin cannot be loaded from " + badPlugins, "--plugins", badPlugins.toString(),
                "--show-config");
        Result sql = assertError(1, "a plugin cannot be loaded from " + sqlPlugins, "--plugins", sqlPlugins.toString(),
                "--show-config");
        assertTrue(sql.err().contains("java.sql"), "the message names the missing module: " + sql.err());
    }

    /** No JVM warning but the Vector API's incubator notice (native access, unknown modules). */
    private static void assertNoWarnings(Result r) {
        List<String> warnings = r.err().lines().filter(l -> l.contains("WARNING"))
                .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector")).toList();
        assertEquals(List.of(), warnings, r.err());
    }

    private static Result assertError(int status, String message, String... args) {
        Result r = legate(image, args);
        String what = "legate " + String.join(" ", args);
        assertEquals(status, r.status(), what + ": stdout " + r.out() + " stderr " + r.err());
        assertEquals("", r.out(), what + " printed on stdout");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), what + " did not print exactly one line:\n" + r.err());
        assertTrue(lines.get(0).startsWith("legate: error: " + message), what + ": " + lines.get(0));
        return r;
    }

    private static boolean image(String module) {
        return modules.contains(module);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
