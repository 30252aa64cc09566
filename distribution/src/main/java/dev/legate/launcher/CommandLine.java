package dev.legate.launcher;

import dev.legate.core.RuntimeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code legate}'s command line, checked for syntax: options first, then the program ({@code
 * --example NAME}, {@code --module MOD[/CLASS]} or a jar), then the program's arguments, which
 * are passed on untouched even when they look like options. {@code --opt value} and
 * {@code --opt=value} are both accepted; {@code --} ends the options.
 *
 * @param cpus CPU processors ({@code --cpus})
 * @param gpus GPUs ({@code --gpus})
 * @param sysmem host memory limit as given ({@code --sysmem}), already checked to be a size
 * @param fbmem memory per GPU as given ({@code --fbmem}), already checked to be a size
 * @param profile where to write the timeline ({@code --profile})
 * @param plugins extra plugin folders or jars ({@code --plugins}, repeatable)
 * @param showConfig print the runtime's configuration ({@code --show-config})
 * @param dryRun print the command lines instead of running them ({@code --dry-run})
 * @param help print the usage ({@code --help}, {@code -h})
 * @param target the program, if one was given
 * @param programArgs the program's arguments
 */
record CommandLine(OptionalInt cpus, OptionalInt gpus, Optional<String> sysmem, Optional<String> fbmem,
                   Optional<Path> profile, List<Path> plugins, boolean showConfig, boolean dryRun, boolean help,
                   Optional<Target> target, List<String> programArgs) {

    CommandLine {
        plugins = List.copyOf(plugins);
        programArgs = List.copyOf(programArgs);
    }

    /**
     * Parses {@code args}.
     *
     * @throws LaunchException (usage) naming the option or value that is wrong
     */
    static CommandLine parse(List<String> args) {
        OptionalInt cpus = OptionalInt.empty();
        OptionalInt gpus = OptionalInt.empty();
        Optional<String> sysmem = Optional.empty();
        Optional<String> fbmem = Optional.empty();
        Optional<Path> profile = Optional.empty();
        List<Path> plugins = new ArrayList<>();
        boolean showConfig = false;
        boolean dryRun = false;
        boolean help = false;
        Optional<Target> target = Optional.empty();
        int i = 0;
        while (i < args.size() && target.isEmpty()) {
            String arg = args.get(i++);
            if (arg.equals("--")) {
                if (i == args.size()) {
                    throw LaunchException.usage("'--' must be followed by the jar to run");
                }
                target = Optional.of(jar(args.get(i++)));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                target = Optional.of(jar(arg));
                break;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--cpus" -> cpus = OptionalInt.of(count(name, value(args, i, name, inline), 1));
                case "--gpus" -> gpus = OptionalInt.of(count(name, value(args, i, name, inline), 0));
                case "--sysmem" -> sysmem = Optional.of(size(name, value(args, i, name, inline)));
                case "--fbmem" -> fbmem = Optional.of(size(name, value(args, i, name, inline)));
                case "--profile" -> profile = Optional.of(path(name, value(args, i, name, inline)));
                case "--plugins" -> plugins.add(path(name, value(args, i, name, inline)));
                case "--example" -> target = Optional.of(new Target.Example(value(args, i, name, inline)));
                case "--module" -> target = Optional.of(module(value(args, i, name, inline)));
                case "--show-config" -> showConfig = flag(name, inline);
                case "--dry-run" -> dryRun = flag(name, inline);
                case "--help", "-h" -> help = flag(name, inline);
                default -> throw LaunchException.usage("unknown option '" + name + "'" + (name.startsWith("-D")
                        || name.startsWith("-X") ? ": pass JVM options in LEGATE_JAVA_OPTS" : " (legate --help lists the options)"));
            }
            if (inline == null && takesValue(name)) {
                i++;
            }
        }
        List<String> rest = args.subList(i, args.size());
        if (target.isEmpty() && !showConfig && !help) {
            throw LaunchException.usage("nothing to run: give --example NAME, --module MOD/CLASS or a jar "
                    + "(or --show-config); legate --help lists the options");
        }
        return new CommandLine(cpus, gpus, sysmem, fbmem, profile, plugins, showConfig, dryRun, help, target, rest);
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "--show-config", "--dry-run", "--help", "-h" -> false;
            default -> true;
        };
    }

    private static String value(List<String> args, int next, String option, String inline) {
        if (inline != null) {
            return inline;
        }
        if (next >= args.size()) {
            throw LaunchException.usage("option " + option + " needs a value");
        }
        return args.get(next);
    }

    private static boolean flag(String option, String inline) {
        if (inline != null) {
            throw LaunchException.usage("option " + option + " takes no value, got '" + inline + "'");
        }
        return true;
    }

    private static int count(String option, String text, int min) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw LaunchException.usage("option " + option + " expects an integer >= " + min + ", got '" + text + "'");
    }

    private static String size(String option, String text) {
        long bytes;
        try {
            bytes = RuntimeConfig.parseSize(text);
        } catch (IllegalArgumentException e) {
            throw LaunchException.usage("option " + option + " expects a size such as 512m or 4g, got '" + text + "'");
        }
        if (bytes < 0) {
            throw LaunchException.usage("option " + option + " expects a size >= 0, got '" + text + "'");
        }
        return text.trim();
    }

    private static Path path(String option, String text) {
        if (text.isBlank()) {
            throw LaunchException.usage("option " + option + " needs a path, got an empty one");
        }
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw LaunchException.usage("option " + option + ": not a path: '" + text + "'");
        }
    }

    private static Target module(String text) {
        int slash = text.indexOf('/');
        String module = slash < 0 ? text : text.substring(0, slash);
        String cls = slash < 0 ? "" : text.substring(slash + 1);
        if (module.isEmpty() || (slash >= 0 && cls.isEmpty())) {
            throw LaunchException.usage("option --module expects MODULE or MODULE/CLASS, got '" + text + "'");
        }
        return new Target.ModuleMain(module, cls.isEmpty() ? Optional.empty() : Optional.of(cls));
    }

    private static Target jar(String text) {
        if (text.isBlank()) {
            throw LaunchException.usage("the jar to run is an empty path");
        }
        try {
            return new Target.Jar(Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            throw LaunchException.usage("not a path to a jar: '" + text + "'");
        }
    }
}
