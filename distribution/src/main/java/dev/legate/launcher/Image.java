package dev.legate.launcher;

import java.io.IOException;
import java.io.Reader;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The runtime image the launcher runs in: its folder ({@code java.home}), its name (the {@code
 * LEGATE_IMAGE} key of its {@code release} file) and its modules. The launcher itself runs with
 * {@code --limit-modules}, so the image's modules are read from {@link ModuleFinder#ofSystem()},
 * which that option does not narrow.
 *
 * @param home the image's folder
 * @param name the image's name, such as {@code cpu}
 * @param modules the image's modules
 */
record Image(Path home, String name, ModuleFinder modules) {
    /** Services whose providers are the runtime's libraries and providers. */
    static final Set<String> RUNTIME_SERVICES = Set.of("dev.legate.core.spi.LegateLibrary",
            "dev.legate.core.spi.ProviderFactory");

    /** The image this JVM runs from. */
    static Image current() {
        Path home = Path.of(System.getProperty("java.home"));
        return new Image(home, releaseName(home), ModuleFinder.ofSystem());
    }

    private static String releaseName(Path home) {
        Path release = home.resolve("release");
        if (Files.isRegularFile(release)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(release)) {
                p.load(r);
            } catch (IOException e) {
                return home.getFileName().toString();
            }
            String name = p.getProperty("LEGATE_IMAGE");
            if (name != null) {
                return name.replace("\"", "").trim();
            }
        }
        return home.getFileName().toString();
    }

    /** Whether {@code module} is a JDK module (java.*, jdk.*) rather than one of the application's. */
    static boolean isJdk(String module) {
        return module.startsWith("java.") || module.startsWith("jdk.");
    }

    /** The image's module called {@code name}. */
    Optional<ModuleDescriptor> module(String name) {
        return modules.find(name).map(ModuleReference::descriptor);
    }

    /** The names of the image's non-JDK modules, sorted. */
    List<String> projectModules() {
        return modules.findAll().stream().map(r -> r.descriptor().name()).filter(n -> !isJdk(n)).sorted().toList();
    }

    /**
     * The image's libraries and providers (modules providing {@link #RUNTIME_SERVICES}), sorted:
     * the modules every program gets, whatever its main module reads.
     */
    List<String> runtimeModules() {
        return modules.findAll().stream().map(ModuleReference::descriptor)
                .filter(d -> d.provides().stream().anyMatch(p -> RUNTIME_SERVICES.contains(p.service())))
                .map(ModuleDescriptor::name).sorted().toList();
    }

    /** The folder whose jars are plugins of every run. */
    Path pluginsDir() {
        return home.resolve("plugins");
    }
}
