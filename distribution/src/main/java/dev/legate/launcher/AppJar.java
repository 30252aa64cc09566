package dev.legate.launcher;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An application jar as {@code legate JAR} runs it: a modular jar (one with a module-info,
 * possibly versioned) on the module path, started at its main class; any other jar with {@code
 * java -jar}, on the class path.
 *
 * @param path the jar
 * @param module the module descriptor of a modular jar
 * @param mainClass the class to start: the module's main class or the manifest's Main-Class
 */
record AppJar(Path path, Optional<ModuleDescriptor> module, String mainClass) {
    /**
     * Reads {@code path}.
     *
     * @throws LaunchException (usage) when it is missing, not a jar, or has no main class
     */
    static AppJar inspect(Path path) {
        if (!Files.exists(path)) {
            throw LaunchException.usage("no such jar: " + path);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw LaunchException.usage("not a readable jar file: " + path);
        }
        boolean modular;
        String manifestMain;
        try (JarFile jar = new JarFile(path.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            modular = jar.getJarEntry("module-info.class") != null;
            var manifest = jar.getManifest();
            manifestMain = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        } catch (ZipException e) {
            throw LaunchException.usage("not a jar file: " + path + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw LaunchException.usage("cannot read jar " + path + ": " + e);
        }
        if (!modular) {
            if (manifestMain == null || manifestMain.isBlank()) {
                throw LaunchException.usage("jar " + path + " has no Main-Class in its manifest (jar --main-class sets one)");
            }
            return new AppJar(path, Optional.empty(), manifestMain.trim());
        }
        ModuleDescriptor descriptor;
        try {
            descriptor = ModuleFinder.of(path).findAll().stream().findFirst().map(ModuleReference::descriptor)
                    .orElseThrow(() -> LaunchException.usage("jar " + path + " holds no module"));
        } catch (FindException e) {
            throw LaunchException.usage("cannot read the module of jar " + path + ": " + Plugins.describe(e));
        }
        String main = descriptor.mainClass().orElse(manifestMain == null ? null : manifestMain.trim());
        if (main == null || main.isEmpty()) {
            throw LaunchException.usage("jar " + path + " (module " + descriptor.name() + ") has no main class "
                    + "(jar --main-class sets one)");
        }
        return new AppJar(path, Optional.of(descriptor), main);
    }
}
