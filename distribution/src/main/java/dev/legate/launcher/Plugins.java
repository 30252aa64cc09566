package dev.legate.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plugin path of a run: the image's {@code plugins/} folder when it holds a jar, then the
 * {@code --plugins} entries, then {@code LEGATE_PLUGIN_PATH}'s. The runtime loads these into a
 * module layer over the boot layer and finds their libraries and providers with ServiceLoader
 * ({@code RuntimeConfig.pluginPath}); the launcher checks beforehand that they resolve against
 * the image, so that a broken plugin stops the launch with one line rather than a stack trace
 * from inside the program.
 */
final class Plugins {
    private Plugins() {
    }

    /**
     * The plugin path.
     *
     * @param environment the value of {@code LEGATE_PLUGIN_PATH}, if set
     * @throws LaunchException (usage) naming an entry that does not exist
     */
    static List<Path> path(Image image, List<Path> options, Optional<String> environment) {
        List<Path> path = new ArrayList<>();
        if (holdsJar(image.pluginsDir())) {
            path.add(image.pluginsDir());
        }
        for (Path p : options) {
            if (!Files.exists(p)) {
                throw LaunchException.usage("option --plugins: no such folder or jar: " + p);
            }
            path.add(p.toAbsolutePath());
        }
        for (String entry : environment.map(v -> v.split(File.pathSeparator)).orElse(new String[0])) {
            if (!entry.isBlank()) {
                Path p = Path.of(entry);
                if (!Files.exists(p)) {
                    throw LaunchException.usage("LEGATE_PLUGIN_PATH: no such folder or jar: " + p);
                }
                path.add(p.toAbsolutePath());
            }
        }
        return path;
    }

    /**
     * Checks that the plugins resolve on top of a boot layer holding {@code bootRoots} of the
     * image, as the runtime will resolve them.
     *
     * @throws LaunchException (failure) naming the plugin path and what is wrong with it
     */
    static void check(Image image, Set<String> bootRoots, List<Path> path) {
        if (path.isEmpty()) {
            return;
        }
        try {
            ModuleFinder plugins = ModuleFinder.of(path.toArray(Path[]::new));
            Set<ModuleReference> found = plugins.findAll();
            Configuration boot = Configuration.empty().resolveAndBind(image.modules(), ModuleFinder.of(), bootRoots);
            Set<String> roots = found.stream().map(r -> r.descriptor().name())
                    .filter(n -> boot.findModule(n).isEmpty()).collect(Collectors.toSet());
            boot.resolveAndBind(plugins, ModuleFinder.of(), roots);
        } catch (FindException | ResolutionException e) {
            throw LaunchException.failure("a plugin cannot be loaded from " + join(path) + ": " + describe(e));
        }
    }

    /** The path as the runtime's {@code legate.plugins} setting. */
    static String join(List<Path> path) {
        return path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** An exception's message followed by its causes', on one line. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            sb.append(" (").append(c.getMessage() == null ? c.toString() : c.getMessage()).append(')');
        }
        return sb.toString().replace('\n', ' ');
    }

    private static boolean holdsJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
