package dev.legate.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a runtime uses the machine. {@link #fromEnvironment()} reads system properties
 * ({@code legate.cpus}, ...) and then environment variables ({@code LEGATE_CPUS}, ...); the
 * builder overrides both. Sizes accept suffixes k, m, g, t (powers of 1024).
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>property / variable</th><th>default</th></tr>
 * <tr><td>cpus</td><td>legate.cpus / LEGATE_CPUS</td><td>all cores</td></tr>
 * <tr><td>gpus</td><td>legate.gpus / LEGATE_GPUS</td><td>all visible GPUs (-1)</td></tr>
 * <tr><td>sysmem</td><td>legate.sysmem / LEGATE_SYSMEM</td><td>no limit (0)</td></tr>
 * <tr><td>fbmem</td><td>legate.fbmem / LEGATE_FBMEM</td><td>the GPU's free memory less a reserve (0)</td></tr>
 * <tr><td>windowSize</td><td>legate.window / LEGATE_WINDOW_SIZE</td><td>16 operations</td></tr>
 * <tr><td>minTileVolume</td><td>legate.min.tile / LEGATE_MIN_TILE_VOLUME</td><td>65536 elements</td></tr>
 * <tr><td>tileGranule</td><td>legate.tile.granule / LEGATE_TILE_GRANULE</td><td>1024 elements</td></tr>
 * <tr><td>inlineSmallTasks</td><td>legate.inline / LEGATE_INLINE</td><td>true</td></tr>
 * <tr><td>profile</td><td>legate.profile / LEGATE_PROFILE</td><td>none</td></tr>
 * <tr><td>pluginPath</td><td>legate.plugins / LEGATE_PLUGIN_PATH</td><td>none</td></tr>
 * </table>
 *
 * <p>{@code options} carries provider-specific settings (property {@code legate.option.KEY} or
 * variable {@code LEGATE_OPTION_KEY}), such as the CUDA provider's logical GPUs.
 *
 * @param cpus CPU processors (0: one per core)
 * @param gpus GPU processors (-1: every visible GPU; 0: none)
 * @param sysmem bytes of host memory the runtime may allocate (0: no limit)
 * @param fbmem bytes per GPU (0: the GPU's free memory less a reserve)
 * @param windowSize operations recorded before analysis starts
 * @param minTileVolume smallest tile, in elements, the partitioner creates
 * @param tileGranule tile boundaries in a store's last dimension are multiples of this
 * @param inlineSmallTasks run single-point CPU tasks whose inputs are ready on the calling thread
 * @param profile where to write a Chrome-trace/Perfetto timeline at close
 * @param pluginPath directories or jars with extra library modules
 * @param options provider-specific settings
 */
public record RuntimeConfig(int cpus, int gpus, long sysmem, long fbmem, int windowSize, long minTileVolume,
                            long tileGranule, boolean inlineSmallTasks, Optional<Path> profile, List<Path> pluginPath,
                            Map<String, String> options) {
    /** Validates the settings. */
    public RuntimeConfig {
        if (cpus < 0) {
            throw new IllegalArgumentException("cpus must be >= 0 (0 = one per core), got " + cpus);
        }
        if (gpus < -1) {
            throw new IllegalArgumentException("gpus must be >= -1 (-1 = all), got " + gpus);
        }
        if (sysmem < 0 || fbmem < 0) {
            throw new IllegalArgumentException("memory limits must be >= 0, got sysmem " + sysmem + ", fbmem " + fbmem);
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be >= 1, got " + windowSize);
        }
        if (minTileVolume < 1 || tileGranule < 1) {
            throw new IllegalArgumentException("minTileVolume and tileGranule must be >= 1, got "
                    + minTileVolume + " and " + tileGranule);
        }
        pluginPath = List.copyOf(pluginPath);
        options = Map.copyOf(options);
    }

    /** The number of CPU processors this configuration asks for (resolving 0 to all cores). */
    public int effectiveCpus() {
        return cpus == 0 ? Runtime.getRuntime().availableProcessors() : cpus;
    }

    /** Settings from system properties and the environment, with defaults for the rest. */
    public static RuntimeConfig fromEnvironment() {
        return builder().build();
    }

    /** A builder starting from {@link #fromEnvironment()}'s values. */
    public static Builder builder() {
        return new Builder(System::getProperty, System::getenv);
    }

    /** A builder reading settings through the given property and environment lookups (for tests). */
    public static Builder builder(Function<String, String> properties, Function<String, String> environment) {
        return new Builder(properties, environment);
    }

    /** Parses a size such as {@code 512m} or {@code 4g} into bytes. */
    public static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                case 't' -> mult = 1L << 40;
                default -> mult = 1;
            }
            if (mult != 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            return Math.round(Double.parseDouble(t) * mult);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (expected e.g. 512m, 4g)", e);
        }
    }

    /** Builds a {@link RuntimeConfig}. */
    public static final class Builder {
        private int cpus;
        private int gpus;
        private long sysmem;
        private long fbmem;
        private int windowSize;
        private long minTileVolume;
        private long tileGranule;
        private boolean inlineSmallTasks;
        private Optional<Path> profile;
        private final List<Path> pluginPath = new ArrayList<>();
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(Function<String, String> props, Function<String, String> env) {
            Function<String[], String> get = keys -> {
                String v = props.apply(keys[0]);
                return v != null ? v : env.apply(keys[1]);
            };
            cpus = intSetting(get.apply(new String[] {"legate.cpus", "LEGATE_CPUS"}), 0, "cpus");
            gpus = intSetting(get.apply(new String[] {"legate.gpus", "LEGATE_GPUS"}), -1, "gpus");
            sysmem = sizeSetting(get.apply(new String[] {"legate.sysmem", "LEGATE_SYSMEM"}), 0);
            fbmem = sizeSetting(get.apply(new String[] {"legate.fbmem", "LEGATE_FBMEM"}), 0);
            windowSize = intSetting(get.apply(new String[] {"legate.window", "LEGATE_WINDOW_SIZE"}), 16, "window size");
            minTileVolume = sizeSetting(get.apply(new String[] {"legate.min.tile", "LEGATE_MIN_TILE_VOLUME"}), 65536);
            tileGranule = sizeSetting(get.apply(new String[] {"legate.tile.granule", "LEGATE_TILE_GRANULE"}), 1024);
            String inl = get.apply(new String[] {"legate.inline", "LEGATE_INLINE"});
            inlineSmallTasks = inl == null || Boolean.parseBoolean(inl) || inl.equals("1");
            String prof = get.apply(new String[] {"legate.profile", "LEGATE_PROFILE"});
            profile = prof == null || prof.isBlank() ? Optional.empty() : Optional.of(Path.of(prof));
            String plugins = get.apply(new String[] {"legate.plugins", "LEGATE_PLUGIN_PATH"});
            if (plugins != null && !plugins.isBlank()) {
                for (String p : plugins.split(java.io.File.pathSeparator)) {
                    if (!p.isBlank()) {
                        pluginPath.add(Path.of(p));
                    }
                }
            }
            for (String key : System.getProperties().stringPropertyNames()) {
                if (key.startsWith("legate.option.") && props.apply(key) != null) {
                    options.put(key.substring("legate.option.".length()), props.apply(key));
                }
            }
            for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                if (e.getKey().startsWith("LEGATE_OPTION_") && env.apply(e.getKey()) != null) {
                    options.putIfAbsent(e.getKey().substring("LEGATE_OPTION_".length()).toLowerCase(Locale.ROOT)
                            .replace('_', '.'), env.apply(e.getKey()));
                }
            }
        }

        private static int intSetting(String v, int dflt, String what) {
            if (v == null || v.isBlank()) {
                return dflt;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + what + " is not an integer: '" + v + "'", e);
            }
        }

        private static long sizeSetting(String v, long dflt) {
            return v == null || v.isBlank() ? dflt : parseSize(v);
        }

        /** CPU processors (0: one per core). */
        public Builder cpus(int n) {
            cpus = n;
            return this;
        }

        /** GPU processors (-1: all, 0: none). */
        public Builder gpus(int n) {
            gpus = n;
            return this;
        }

        /** Host memory limit in bytes (0: none). */
        public Builder sysmem(long bytes) {
            sysmem = bytes;
            return this;
        }

        /** Memory limit per GPU in bytes (0: automatic). */
        public Builder fbmem(long bytes) {
            fbmem = bytes;
            return this;
        }

        /** Operations recorded before analysis starts. */
        public Builder windowSize(int n) {
            windowSize = n;
            return this;
        }

        /** Smallest tile volume the partitioner creates. */
        public Builder minTileVolume(long n) {
            minTileVolume = n;
            return this;
        }

        /** Granule of tile boundaries in the last dimension. */
        public Builder tileGranule(long n) {
            tileGranule = n;
            return this;
        }

        /** Whether ready single-point CPU tasks run on the calling thread. */
        public Builder inlineSmallTasks(boolean on) {
            inlineSmallTasks = on;
            return this;
        }

        /** Writes a timeline to {@code file} at close. */
        public Builder profile(Path file) {
            profile = Optional.of(file);
            return this;
        }

        /** Adds a directory or jar of plugin modules. */
        public Builder plugin(Path path) {
            pluginPath.add(path);
            return this;
        }

        /** Sets a provider-specific option. */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** The configuration. */
        public RuntimeConfig build() {
            return new RuntimeConfig(cpus, gpus, sysmem, fbmem, windowSize, minTileVolume, tileGranule,
                    inlineSmallTasks, profile, pluginPath, options);
        }
    }
}
