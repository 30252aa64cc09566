package dev.legate.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a README's first fenced code block, as a shell would read them: blank and
 * comment lines skipped, a leading {@code $ } prompt removed, lines ending in a backslash joined
 * with the next. Everything else, trailing comments included, is kept exactly as written.
 */
final class ReadmeCommands {
    private ReadmeCommands() {
    }

    static List<String> firstBlock(String markdown) {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder pending = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            if (line.strip().startsWith("```")) {
                if (inBlock) {
                    break;
                }
                inBlock = true;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            String text = line.strip();
            if (pending.isEmpty() && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            if (pending.isEmpty() && text.startsWith("$ ")) {
                text = text.substring(2).strip();
            }
            if (text.endsWith("\\")) {
                pending.append(text.substring(0, text.length() - 1).stripTrailing()).append(' ');
                continue;
            }
            commands.add(pending.append(text).toString());
            pending.setLength(0);
        }
        return commands;
    }
}
