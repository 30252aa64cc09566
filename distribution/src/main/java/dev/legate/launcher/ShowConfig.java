package dev.legate.launcher;

import dev.legate.core.Legate;
import dev.legate.core.LegateException;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code legate --show-config}: starts a runtime with the settings of the command line (system
 * properties and environment, as {@link RuntimeConfig#fromEnvironment()} reads them), prints
 * {@link LegateRuntime#describe()} after a line naming the image and the plugin path, and closes
 * it. A runtime that cannot start is reported in one line on standard error, with exit status 1.
 */
public final class ShowConfig {
    private ShowConfig() {
    }

    /**
     * Prints the configuration.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        RuntimeConfig config;
        try {
            config = RuntimeConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("legate: error: bad runtime setting: " + e.getMessage());
            System.exit(1);
            return;
        }
        Image image = Image.current();
        String plugins = config.pluginPath().isEmpty() ? "none"
                : config.pluginPath().stream().map(Path::toString).collect(Collectors.joining(", "));
        try (LegateRuntime rt = Legate.start(config)) {
            System.out.println("Image: " + image.name() + " at " + image.home() + "; plugin path: " + plugins);
            System.out.print(rt.describe());
        } catch (LegateException | IllegalArgumentException e) {
            System.err.println("legate: error: the runtime cannot start: " + Plugins.describe(e));
            System.exit(1);
        }
    }
}
