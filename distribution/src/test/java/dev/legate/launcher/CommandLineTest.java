package dev.legate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static CommandLine parse(String... args) {
        return CommandLine.parse(List.of(args));
    }

    private static String error(int status, String... args) {
        LaunchException e = assertThrows(LaunchException.class, () -> parse(args));
        assertEquals(status, e.status());
        return e.getMessage();
    }

    @Test
    void optionsWithSeparateAndInlineValues() {
        CommandLine cl = parse("--cpus", "4", "--gpus=0", "--sysmem", "4g", "--fbmem=512m", "--profile", "t.json",
                "--plugins", "a", "--plugins=b", "--show-config", "--dry-run", "app.jar");
        assertEquals(OptionalInt.of(4), cl.cpus());
        assertEquals(OptionalInt.of(0), cl.gpus());
        assertEquals(Optional.of("4g"), cl.sysmem());
        assertEquals(Optional.of("512m"), cl.fbmem());
        assertEquals(Optional.of(Path.of("t.json")), cl.profile());
        assertEquals(List.of(Path.of("a"), Path.of("b")), cl.plugins());
        assertTrue(cl.showConfig() && cl.dryRun());
        assertEquals(Optional.of(new Target.Jar(Path.of("app.jar"))), cl.target());
    }

    @Test
    void everythingAfterTheProgramGoesToTheProgram() {
        CommandLine cl = parse("--cpus", "2", "--example", "hello", "--cpus", "8", "x");
        assertEquals(OptionalInt.of(2), cl.cpus());
        assertEquals(Optional.of(new Target.Example("hello")), cl.target());
        assertEquals(List.of("--cpus", "8", "x"), cl.programArgs());

        CommandLine jar = parse("app.jar", "--help");
        assertEquals(List.of("--help"), jar.programArgs());
        assertTrue(!jar.help());

        CommandLine dashes = parse("--", "--odd-name.jar", "a");
        assertEquals(Optional.of(new Target.Jar(Path.of("--odd-name.jar"))), dashes.target());
        assertEquals(List.of("a"), dashes.programArgs());
    }

    @Test
    void moduleWithAndWithoutClass() {
        assertEquals(Optional.of(new Target.ModuleMain("m.a", Optional.of("p.C"))), parse("--module", "m.a/p.C").target());
        assertEquals(Optional.of(new Target.ModuleMain("m.a", Optional.empty())), parse("--module=m.a").target());
        assertTrue(error(2, "--module", "m.a/").contains("MODULE or MODULE/CLASS"));
        assertTrue(error(2, "--module", "/p.C").contains("MODULE or MODULE/CLASS"));
    }

    @Test
    void showConfigOrHelpNeedNoProgram() {
        assertTrue(parse("--show-config").target().isEmpty());
        assertTrue(parse("-h").help());
        assertTrue(error(2).startsWith("nothing to run"));
        assertTrue(error(2, "--cpus", "2").startsWith("nothing to run"));
    }

    @Test
    void wrongOptionsAndValuesAreNamed() {
        assertEquals("unknown option '--cpu' (legate --help lists the options)", error(2, "--cpu", "2", "a.jar"));
        assertEquals("unknown option '-Xmx4g': pass JVM options in LEGATE_JAVA_OPTS", error(2, "-Xmx4g", "a.jar"));
        assertEquals("option --cpus needs a value", error(2, "--cpus"));
        assertEquals("option --cpus expects an integer >= 1, got '0'", error(2, "--cpus", "0", "a.jar"));
        assertEquals("option --gpus expects an integer >= 0, got '-1'", error(2, "--gpus=-1", "a.jar"));
        assertEquals("option --sysmem expects a size such as 512m or 4g, got '4q'", error(2, "--sysmem", "4q", "a.jar"));
        assertEquals("option --fbmem expects a size >= 0, got '-1g'", error(2, "--fbmem", "-1g", "a.jar"));
        assertEquals("option --show-config takes no value, got 'yes'", error(2, "--show-config=yes"));
        assertEquals("'--' must be followed by the jar to run", error(2, "--"));
    }
}
