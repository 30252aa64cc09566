package dev.legate.core.internal;

import dev.legate.core.IncompatibleLibraryException;
import dev.legate.core.LegateException;
import dev.legate.core.LegateRuntime;
import dev.legate.core.ProviderUnavailableException;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.Provider;
import dev.legate.core.spi.ProviderFactory;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Start-up discovery: providers and libraries found with {@link ServiceLoader} on the module
 * path, the class path and the configured plugin path.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** A module layer holding the plugin path's modules, or the boot layer when there are none. */
    static ModuleLayer pluginLayer(RuntimeConfig config) {
        List<Path> paths = new ArrayList<>();
        for (Path p : config.pluginPath()) {
            if (!Files.exists(p)) {
                throw new LegateException("plugin path entry " + p + " does not exist");
            }
            paths.add(p);
        }
        if (paths.isEmpty()) {
            return ModuleLayer.boot();
        }
        try {
            ModuleFinder finder = ModuleFinder.of(paths.toArray(Path[]::new));
            Set<String> roots = finder.findAll().stream().map(r -> r.descriptor().name())
                    .filter(n -> ModuleLayer.boot().findModule(n).isEmpty()).collect(Collectors.toSet());
            Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            return ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        } catch (RuntimeException e) {
            throw new LegateException("cannot load plugins from " + paths + ": " + e.getMessage(), e);
        }
    }

    static <S> List<S> load(Class<S> service, ModuleLayer layer) {
        Map<String, S> found = new LinkedHashMap<>();
        if (layer != ModuleLayer.boot()) {
            for (S s : ServiceLoader.load(layer, service)) {
                found.putIfAbsent(s.getClass().getName(), s);
            }
        }
        for (S s : ServiceLoader.load(service, Bootstrap.class.getClassLoader())) {
            found.putIfAbsent(s.getClass().getName(), s);
        }
        return new ArrayList<>(found.values());
    }

    /** Starts every available provider; records why the others are unavailable. */
    static List<Provider> providers(RuntimeConfig config, List<ProviderFactory> factories,
                                    Map<String, String> unavailable) {
        List<Provider> started = new ArrayList<>();
        for (ProviderFactory f : factories) {
            String reason;
            try {
                reason = f.unavailableReason().orElse(null);
            } catch (Throwable t) {
                reason = "availability check failed: " + t;
            }
            if (reason != null) {
                unavailable.put(f.name(), reason);
                continue;
            }
            try {
                started.add(f.create(config));
            } catch (ProviderUnavailableException e) {
                unavailable.put(f.name(), e.getMessage());
            } catch (Throwable t) {
                unavailable.put(f.name(), "failed to start: " + t);
            }
        }
        return started;
    }

    /** Loads the libraries, refusing any that needs another core API version. */
    static List<LegateLibrary> libraries(ModuleLayer layer) {
        return checkLibraries(load(LegateLibrary.class, layer));
    }

    /** Refuses libraries that need another core API version, or share a name. */
    static List<LegateLibrary> checkLibraries(List<LegateLibrary> libs) {
        Set<String> names = new LinkedHashSet<>();
        for (LegateLibrary l : libs) {
            if (!l.coreApi().contains(LegateRuntime.CORE_API_VERSION)) {
                throw new IncompatibleLibraryException("library '" + l.name() + "' " + l.version() + " (" + origin(l)
                        + ") needs core API " + l.coreApi() + ", but this runtime provides core API "
                        + LegateRuntime.CORE_API_VERSION);
            }
            if (!names.add(l.name())) {
                throw new IncompatibleLibraryException("two libraries are named '" + l.name() + "'; the second is "
                        + origin(l));
            }
        }
        return libs;
    }

    static String origin(Object service) {
        Module m = service.getClass().getModule();
        if (m.isNamed()) {
            return "module " + m.getName() + m.getDescriptor().version().map(v -> "@" + v).orElse("");
        }
        var src = service.getClass().getProtectionDomain().getCodeSource();
        return src == null ? "class path" : src.getLocation().toString();
    }

    static ProviderUnavailableException noCpus(Map<String, String> unavailable) {
        return new ProviderUnavailableException("no provider offers CPU processors; put legate-cpu (module "
                + "dev.legate.cpu) on the module path" + (unavailable.isEmpty() ? "" : "; unavailable: " + unavailable));
    }
}
