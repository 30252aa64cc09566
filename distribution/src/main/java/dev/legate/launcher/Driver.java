package dev.legate.launcher;

import java.util.List;

/**
 * The first half of {@code bin/legate}: parses the command line, checks it against the image and
 * prints, on standard output, the shell code that runs the program (see {@link Plan}). On a
 * problem it prints one line, {@code legate: error: ...}, on standard error and exits with 2 (a
 * wrong command line) or 1 (anything else), printing no plan.
 *
 * <p>It runs with {@code --limit-modules dev.legate.launcher}, so it starts quickly and resolves
 * none of the libraries; the program then gets a JVM of its own.
 */
public final class Driver {
    private Driver() {
    }

    /**
     * Prints the plan for {@code legate}'s arguments.
     *
     * @param args the arguments given to {@code bin/legate}
     */
    public static void main(String[] args) {
        try {
            CommandLine cl = CommandLine.parse(List.of(args));
            Plan plan = new Planner(Image.current(), Examples.bundled(), System.getenv()).plan(cl);
            System.out.print(plan.shell());
            System.out.flush();
        } catch (LaunchException e) {
            System.err.println("legate: error: " + e.getMessage());
            System.exit(e.status());
        }
    }
}
