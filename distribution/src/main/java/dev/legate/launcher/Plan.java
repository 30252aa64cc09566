package dev.legate.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code bin/legate} does after the driver ran: print text, run {@code java} command lines
 * in order (stopping at the first that fails) and replace itself with the last one, so the
 * program's exit status and signals are {@code legate}'s own.
 *
 * <p>{@link #shell()} renders the plan as the POSIX shell code that {@code bin/legate} evaluates.
 * Every word that comes from the command line is single-quoted there; the only expansion left to
 * the shell is {@code $LEGATE_JAVA_OPTS}, the user's extra JVM options.
 */
final class Plan {
    /** One step of a plan. */
    sealed interface Step {
    }

    /** Prints {@code text} and a newline on standard output. */
    record Print(String text) implements Step {
    }

    /** Runs the image's {@code java} with {@code args} (after {@code $LEGATE_JAVA_OPTS}). */
    record Java(List<String> args) implements Step {
        Java {
            args = List.copyOf(args);
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final Path java;
    private final List<Step> steps;

    Plan(Path java, List<Step> steps) {
        this.java = java;
        this.steps = List.copyOf(steps);
    }

    /** The steps, in order. */
    List<Step> steps() {
        return steps;
    }

    /** The same plan printed instead of run ({@code --dry-run}): one line per command. */
    Plan dryRun() {
        List<Step> printed = new ArrayList<>();
        for (Step s : steps) {
            printed.add(s instanceof Java j ? new Print(display(j)) : s);
        }
        return new Plan(java, printed);
    }

    /** The shell code that carries the plan out. */
    String shell() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            switch (steps.get(i)) {
                case Print p -> sb.append("printf '%s\\n' ").append(quote(p.text()));
                case Java j -> {
                    sb.append(last ? "exec " : "").append(quote(java.toString())).append(" $LEGATE_JAVA_OPTS");
                    for (String a : j.args()) {
                        sb.append(' ').append(quote(a));
                    }
                    if (!last) {
                        sb.append(" || exit $?");
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private String display(Java j) {
        StringBuilder sb = new StringBuilder(readable(java.toString())).append(" $LEGATE_JAVA_OPTS");
        for (String a : j.args()) {
            sb.append(' ').append(readable(a));
        }
        return sb.toString();
    }

    private static String readable(String word) {
        return PLAIN.matcher(word).matches() ? word : quote(word);
    }
}
