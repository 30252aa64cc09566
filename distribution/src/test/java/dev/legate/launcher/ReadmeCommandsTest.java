package dev.legate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.launcher.ImageFixture.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands, run exactly as written in a fresh clone of the repository's HEAD.
 *
 * <p>On by default (it adds a build and a run of the suite, a few minutes); set
 * {@code LEGATE_README_TEST=0} or pass {@code -Dlegate.readme.test=false} to Maven to skip it.
 * The commands run with {@code LEGATE_README_TEST=0} and no other LEGATE_* variable, so the
 * clone's suite, which contains this test, does not recurse into it; they install the clone's
 * snapshot artifacts into the local Maven repository, as the README's commands do.
 */
class ReadmeCommandsTest {
    private static final Duration PER_COMMAND = Duration.ofMinutes(45);

    @Test
    void parsesTheFirstCodeBlock() {
        String md = """
                # Title
                text
                ```sh
                ./run-main      # builds everything
                # a comment

                $ ./run-tests -Dx=1 \\
                    -Dy=2
                ./third
                ```
                ```sh
                ./other-block
                ```
                """;
        assertEquals(List.of("./run-main      # builds everything", "./run-tests -Dx=1 -Dy=2", "./third"),
                ReadmeCommands.firstBlock(md));
    }

    @Test
    void theReadmeCommandsWorkInAFreshClone() throws IOException {
        String env = System.getenv("LEGATE_README_TEST");
        String prop = System.getProperty("legate.readme.test", "");
        if (isOff(env) || isOff(prop)) {
            ImageFixture.skip("README commands in a fresh clone: turned off (LEGATE_README_TEST=" + env
                    + ", -Dlegate.readme.test=" + prop + ")");
        }
        Path root = Path.of(ImageFixture.property("legate.repo.root")).toAbsolutePath().normalize();
        Path readme = root.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            ImageFixture.skip("README.md does not exist yet at " + readme);
        }
        if (!Files.exists(root.resolve(".git"))) {
            ImageFixture.skip("README commands in a fresh clone: " + root + " is not a git checkout, so there is "
                    + "nothing to clone");
        }
        List<String> commands = ReadmeCommands.firstBlock(Files.readString(readme));
        assertTrue(commands.size() >= 2, "README.md's first code block has fewer than two commands: " + commands);

        Path work = ImageFixture.workDir("readme-clone");
        Path clone = work.resolve("repo");
        Result git = ImageFixture.run(work, Map.of(), Duration.ofMinutes(5), "git", "clone", "--quiet",
                root.toString(), clone.toString());
        assertEquals(0, git.status(), "git clone failed: " + git.err());
        for (String command : commands.subList(0, 2)) {
            System.out.println("[legate-distribution] README command in " + clone + ": " + command);
            Result r = ImageFixture.run(clone, Map.of("LEGATE_README_TEST", "0"), PER_COMMAND, "sh", "-c", command);
            assertEquals(0, r.status(), () -> "README command failed (status " + r.status() + "): " + command
                    + "\n--- stdout (tail) ---\n" + tail(r.out()) + "\n--- stderr (tail) ---\n" + tail(r.err()));
        }
    }

    private static boolean isOff(String value) {
        return value != null && List.of("0", "false", "no").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
