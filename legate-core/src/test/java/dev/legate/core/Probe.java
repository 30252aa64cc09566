package dev.legate.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A test library whose task records the tiles each point task received. */
final class Probe implements dev.legate.core.spi.LegateLibrary {
    /** By launch tag (scalar 0), by point: the tiles of inputs, then outputs, then reductions. */
    static final Map<Long, Map<Point, List<Rect>>> SEEN = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public Version version() {
        return new Version(1, 0, 0);
    }

    @Override
    public VersionRange coreApi() {
        return VersionRange.parse("[1.0,2.0)");
    }

    @Override
    public void register(dev.legate.core.spi.TaskRegistry registry) {
        registry.register("record", ctx -> {
            List<Rect> rects = new java.util.ArrayList<>();
            for (PhysicalArray a : ctx.inputs()) {
                rects.add(a.isUnbound() || a.type() == DType.STRING ? a.rect() : a.data().rect());
            }
            for (PhysicalArray a : ctx.outputs()) {
                rects.add(a.data().rect());
            }
            for (PhysicalArray a : ctx.reductions()) {
                rects.add(a.data().rect());
            }
            SEEN.computeIfAbsent(ctx.scalar(0).asLong(), k -> new ConcurrentHashMap<>()).put(ctx.point(), rects);
        });
    }

    static long tags;

    /** Runs a probe launch built by {@code setup} and returns what each point saw, by point. */
    static TreeMap<String, List<Rect>> run(LegateRuntime rt, java.util.function.Consumer<AutoTask> setup) {
        long tag = ++tags;
        AutoTask t = rt.createTask(rt.library("probe").task("record"));
        t.addScalar(Scalar.of(tag));
        setup.accept(t);
        t.execute();
        rt.fence();
        TreeMap<String, List<Rect>> out = new TreeMap<>();
        SEEN.getOrDefault(tag, Map.of()).forEach((p, r) -> out.put(p.toString(), r));
        return out;
    }
}
