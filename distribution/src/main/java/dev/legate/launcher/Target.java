package dev.legate.launcher;

import java.nio.file.Path;
import java.util.Optional;

/** What {@code legate} runs: a bundled example, a class of a module in the image, or a jar. */
sealed interface Target {
    /** {@code --example NAME}. */
    record Example(String name) implements Target {
    }

    /** {@code --module MOD[/CLASS]}; without a class, the module's own main class. */
    record ModuleMain(String module, Optional<String> mainClass) implements Target {
    }

    /** An application jar. */
    record Jar(Path jar) implements Target {
    }
}
