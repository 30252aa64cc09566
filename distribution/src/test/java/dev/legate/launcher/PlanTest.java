package dev.legate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static final String TRICKY = "it's \"quoted\" $HOME `id` \\ * ;\nsecond line";

    @Test
    void quotingSurvivesTheShell() {
        Plan plan = new Plan(Path.of("/bin/echo"), List.of(new Plan.Print(TRICKY), new Plan.Print("-n")));
        ImageFixture.Result r = ImageFixture.run(Path.of("."), Map.of(), Duration.ofSeconds(30), "sh", "-c",
                plan.shell()).ok();
        assertEquals(TRICKY + "\n-n\n", r.out());
    }

    @Test
    void commandsRunInOrderAndTheLastReplacesTheShell() {
        Plan plan = new Plan(Path.of("/bin/echo"), List.of(new Plan.Java(List.of("first", TRICKY)),
                new Plan.Java(List.of("last"))));
        ImageFixture.Result r = ImageFixture.run(Path.of("."), Map.of("LEGATE_JAVA_OPTS", "opt1 opt2"),
                Duration.ofSeconds(30), "sh", "-c", plan.shell()).ok();
        assertEquals("opt1 opt2 first " + TRICKY + "\nopt1 opt2 last\n", r.out());
    }

    @Test
    void aFailingCommandStopsThePlan() {
        Plan plan = new Plan(Path.of("/bin/false"), List.of(new Plan.Java(List.of()), new Plan.Print("not reached")));
        ImageFixture.Result r = ImageFixture.run(Path.of("."), Map.of(), Duration.ofSeconds(30), "sh", "-c",
                plan.shell());
        assertEquals(1, r.status());
        assertEquals("", r.out());
    }

    @Test
    void dryRunPrintsReadableCommands() {
        Plan plan = new Plan(Path.of("/img/bin/java"), List.of(new Plan.Java(List.of("-Dlegate.cpus=2", "-m",
                "m/p.C", "a b", "it's")))).dryRun();
        assertEquals(List.of(new Plan.Print("/img/bin/java $LEGATE_JAVA_OPTS -Dlegate.cpus=2 -m m/p.C 'a b' 'it'\\''s'")),
                plan.steps());
    }
}
