package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JFR events per point task, the Chrome-trace timeline, and the machine description. */
class ObservabilityTest {
    @Test
    void eachPointTaskEmitsAJfrEvent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec.jfr");
        try (Recording rec = new Recording()) {
            rec.enable("dev.legate.PointTask").withThreshold(java.time.Duration.ZERO);
            rec.start();
            try (LegateRuntime rt = TestRuntimes.cpus(3)) {
                LogicalStore a = rt.createStore(DType.FLOAT64, 300);
                rt.fill(a, Scalar.of(2.0));
                rt.fence();
            }
            rec.stop();
            rec.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.legate.PointTask")).toList();
        assertEquals(3, events.size(), "one event per point of the fill");
        for (RecordedEvent e : events) {
            assertEquals("legate.core", e.getString("library"));
            assertTrue(e.getString("task").startsWith("legate.core.fill"), e.getString("task"));
            assertTrue(e.getString("processor").startsWith("cpu"), e.getString("processor"));
        }
    }

    @Test
    void profileWritesAChromeTrace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("sub/trace.json");
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(8).tileGranule(1).profile(trace)
                .build(), 0, List.of())) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 64);
            rt.fill(a, Scalar.of(1.0));
            LogicalStore b = rt.createStore(DType.FLOAT64, 64);
            rt.copy(a, b);
        }
        String json = Files.readString(trace);
        assertTrue(json.startsWith("{\"traceEvents\":["), json);
        assertTrue(json.contains("\"name\":\"legate.core.fill (0)\""), json);
        assertTrue(json.contains("\"name\":\"legate.core.copy (1)\""), json);
        assertTrue(json.contains("logical: operations"), json);
        assertTrue(json.contains("\"cat\":\"operation\""), json);
        assertTrue(json.indexOf("\"name\":\"cpu0\"") < json.indexOf("\"name\":\"cpu1\""), "tracks in processor order");
        assertTrue(json.contains("thread_sort_index"), json);
        try (var files = Files.list(trace.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void describeNamesProcessorsProvidersAndLibraries() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(3).build(), 0,
                List.of(new ExecutionTest.Dag()))) {
            String d = rt.describe();
            assertTrue(d.contains("CPUs: 3"), d);
            assertTrue(d.contains("GPUs: 0"), d);
            assertTrue(d.contains("test-cpu"), d);
            assertTrue(d.contains("dag 1.0.0"), d);
            assertTrue(d.contains("legate.core 1.0.0"), d);
        }
    }

    @Test
    void configurationComesFromPropertiesThenEnvironment() {
        RuntimeConfig c = RuntimeConfig.builder(
                k -> switch (k) {
                    case "legate.cpus" -> "3";
                    case "legate.sysmem" -> "2g";
                    default -> null;
                },
                k -> switch (k) {
                    case "LEGATE_CPUS" -> "7";
                    case "LEGATE_WINDOW_SIZE" -> "5";
                    case "LEGATE_PROFILE" -> "/tmp/x.json";
                    default -> null;
                }).build();
        assertEquals(3, c.cpus(), "the property wins over the environment");
        assertEquals(2L << 30, c.sysmem());
        assertEquals(5, c.windowSize());
        assertEquals(Path.of("/tmp/x.json"), c.profile().orElseThrow());
        assertEquals(-1, c.gpus());
        assertEquals(1536L << 20, RuntimeConfig.parseSize("1.5g"));
    }
}
