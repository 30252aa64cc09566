/**
 * The {@code legate} launcher of the runtime images: parses {@code legate}'s options, checks the
 * program and the plugin path, and plans the {@code java} command lines that run them with the
 * image's modules, the runtime's settings as system properties and native access enabled.
 *
 * <p>{@code bin/legate}, a POSIX shell script in each image, runs {@link
 * dev.legate.launcher.Driver} and then the commands it plans, so the program gets a JVM of its
 * own exactly as {@code java -m} or {@code java -jar} would start it. {@link
 * dev.legate.launcher.ShowConfig} is the program behind {@code --show-config}. The module exports
 * nothing: both are run with {@code java -m}.
 */
module dev.legate.launcher {
    requires dev.legate.core;
}
