package dev.legate.core.internal;

import dev.legate.core.LegateException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records a timeline for {@code --profile}: one complete event per executed node, on a track
 * per processor, plus the operations as they were analysed (the logical view), written as
 * Chrome-trace JSON that Perfetto and chrome://tracing open.
 */
final class Tracer {
    private record Span(String name, String category, String track, long start, long end, String args) {
    }

    private final Optional<Path> file;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();
    private final long origin = System.nanoTime();

    Tracer(Optional<Path> file) {
        this.file = file;
    }

    boolean enabled() {
        return file.isPresent();
    }

    void node(Node n, String track) {
        if (file.isPresent() && n.endNanos != 0) {
            String cat = n instanceof PointTaskNode ? "task" : n instanceof CopyNode ? "copy" : "runtime";
            spans.add(new Span(n.label(), cat, track, n.startNanos, n.endNanos, "\"op\":" + n.group.opId));
        }
    }

    void operation(String name, long opId, long start, long end) {
        if (file.isPresent()) {
            spans.add(new Span(name, "operation", "operations", start, end, "\"op\":" + opId));
        }
    }

    /** Writes the timeline (to a temporary file renamed into place). */
    void write() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get().toAbsolutePath();
        // Tracks are numbered in a stable order (processors by kind and index), so viewers list
        // cpu0 before cpu1 whatever reported first.
        List<String> tracks = spans.stream().map(Span::track).distinct()
                .sorted(java.util.Comparator.comparing((String t) -> t.replaceAll("\\d+$", ""))
                        .thenComparingInt(t -> t.matches(".*\\d+$") ? Integer.parseInt(t.replaceAll("^\\D+", "")) : -1))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        StringBuilder sb = new StringBuilder("{\"traceEvents\":[\n");
        boolean first = true;
        for (Span s : spans) {
            int tid = tracks.indexOf(s.track);
            sb.append(first ? "" : ",\n").append("{\"name\":").append(json(s.name)).append(",\"cat\":\"")
                    .append(s.category).append("\",\"ph\":\"X\",\"pid\":").append(s.track.equals("operations") ? 0 : 1)
                    .append(",\"tid\":").append(tid).append(",\"ts\":").append((s.start - origin) / 1000.0)
                    .append(",\"dur\":").append(Math.max(0, s.end - s.start) / 1000.0).append(",\"args\":{")
                    .append(s.args).append("}}");
            first = false;
        }
        for (int t = 0; t < tracks.size(); t++) {
            int pid = tracks.get(t).equals("operations") ? 0 : 1;
            sb.append(first ? "" : ",\n").append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":")
                    .append(pid).append(",\"tid\":").append(t)
                    .append(",\"args\":{\"name\":").append(json(tracks.get(t))).append("}},\n")
                    .append("{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":").append(pid)
                    .append(",\"tid\":").append(t).append(",\"args\":{\"sort_index\":").append(t).append("}}");
            first = false;
        }
        sb.append(first ? "" : ",\n").append("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"args\":{\"name\":")
                .append("\"logical: operations\"}},\n{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":")
                .append("{\"name\":\"physical: processors\"}}\n]}\n");
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir == null ? Path.of(".") : dir, ".legate-trace", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(sb.toString());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LegateException("cannot write the profile to " + target + ": " + e.getMessage(), e);
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
