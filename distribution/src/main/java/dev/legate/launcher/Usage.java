package dev.legate.launcher;

import java.util.List;
import java.util.stream.Collectors;

/** The {@code legate --help} text, with the examples the image holds. */
final class Usage {
    private Usage() {
    }

    static String text(Image image, Examples examples) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                Usage: legate [OPTIONS] (--example NAME | --module MOD[/CLASS] | JAR) [ARGS...]
                       legate [OPTIONS] --show-config
                Runs a Legate program on runtime image %s (%s).

                Machine (each sets a runtime setting, shown in brackets):
                  --cpus N           CPU processors to use; default: one per core      [legate.cpus]
                  --gpus N           GPUs to use, 0 for none; default: all visible     [legate.gpus]
                  --sysmem SIZE      host memory the runtime may allocate, e.g. 4g     [legate.sysmem]
                  --fbmem SIZE       memory per GPU, e.g. 40g; default: the free memory [legate.fbmem]

                Program (the first of these ends the options; what follows goes to the program):
                  --example NAME     a bundled example (listed below)
                  --module MOD[/CLASS]
                                     CLASS, or the module's main class, of module MOD of this image
                  JAR                an application jar: a modular jar runs on the module path,
                                     any other with its manifest's Main-Class on the class path
                  ARGS               the program's arguments

                Other:
                  --profile FILE     FILE.jfr: record the run with JFR (per point task events);
                                     any other name: write a Chrome-trace/Perfetto timeline [legate.profile]
                  --plugins PATH     a folder of plugin jars, or one jar; repeatable   [legate.plugins]
                                     (%s is always searched)
                  --show-config      print the machine, the providers (and why one is unavailable)
                                     and the libraries the runtime sees; then run the program, if any
                  --dry-run          print the java command lines instead of running them
                  -h, --help         print this text

                Environment: LEGATE_JAVA_OPTS (extra JVM options, e.g. -Xmx8g), LEGATE_PLUGIN_PATH,
                and the other LEGATE_* settings of the runtime (see RuntimeConfig).
                Sizes take the suffixes k, m, g, t (powers of 1024).

                """.formatted(image.name(), image.home(), image.pluginsDir()));
        List<Examples.Example> present = present(image, examples);
        if (present.isEmpty()) {
            sb.append("Examples: none in this image.\n");
        } else {
            sb.append("Examples:\n");
            int width = present.stream().mapToInt(e -> e.name().length()).max().orElse(0);
            for (Examples.Example e : present) {
                sb.append("  ").append(e.name()).append(" ".repeat(width - e.name().length() + 3))
                        .append(e.description()).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    /** The names of the examples in the image, for error messages. */
    static String names(Image image, Examples examples) {
        List<Examples.Example> present = present(image, examples);
        return present.isEmpty() ? "none" : present.stream().map(Examples.Example::name).collect(Collectors.joining(", "));
    }

    private static List<Examples.Example> present(Image image, Examples examples) {
        return examples.all().stream().filter(e -> image.module(e.module()).isPresent()).toList();
    }
}
