package dev.legate.examples.hello;

import dev.legate.core.Align;
import dev.legate.core.DType;
import dev.legate.core.InputArray;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.OutputArray;
import dev.legate.core.PhysicalStore;
import dev.legate.core.ProcessorKind;
import dev.legate.core.ReductionArray;
import dev.legate.core.Scalar;
import dev.legate.core.Task;
import dev.legate.core.TaskContext;
import dev.legate.core.Tasks;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills a store with 0, 1, 2, ..., squares it with a task launched across all processors, sums
 * the squares with a reduction, checks the sum against the closed form and prints which point
 * task ran on which processor over which tile.
 *
 * <p>Usage: {@code Hello [elements]} (default 2^24). The processors come from the runtime's
 * configuration (all cores, or {@code -Dlegate.cpus=N}).
 */
public final class Hello {
    private Hello() {
    }

    /** What each point task reports: its processor, tile and time. */
    record Ran(String processor, String tile, double millis) {
    }

    static final Map<String, Ran> RAN = new ConcurrentHashMap<>();

    /** The tasks of this example. */
    public interface Squares {
        /** {@code out[i] = i}. */
        @Task
        default void iota(OutputArray out) {
            long t0 = System.nanoTime();
            PhysicalStore o = out.physical().data();
            long lo = o.rect().lo(0);
            var seg = o.segment();
            long base = o.origin();
            for (long i = 0, n = o.volume(); i < n; i++) {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, base + i, lo + i);
            }
            record("iota", t0);
        }

        /** {@code out[i] = in[i]^2}. */
        @Task
        @Align({"out", "in"})
        default void square(OutputArray out, InputArray in) {
            long t0 = System.nanoTime();
            PhysicalStore o = out.physical().data();
            PhysicalStore a = in.physical().data();
            var so = o.segment();
            var sa = a.segment();
            long bo = o.origin();
            long ba = a.origin();
            for (long i = 0, n = o.volume(); i < n; i++) {
                double v = sa.getAtIndex(ValueLayout.JAVA_DOUBLE, ba + i);
                so.setAtIndex(ValueLayout.JAVA_DOUBLE, bo + i, v * v);
            }
            record("square", t0);
        }

        /** {@code total += sum(in)}. */
        @Task
        default void sum(ReductionArray total, InputArray in) {
            long t0 = System.nanoTime();
            PhysicalStore a = in.physical().data();
            var sa = a.segment();
            long ba = a.origin();
            double s = 0;
            for (long i = 0, n = a.volume(); i < n; i++) {
                s += sa.getAtIndex(ValueLayout.JAVA_DOUBLE, ba + i);
            }
            total.doubles().reduce(0, s);
            record("sum", t0);
        }
    }

    private static void record(String task, long t0) {
        TaskContext ctx = Tasks.context();
        PhysicalStore first = !ctx.outputs().isEmpty() ? ctx.output(0).data() : ctx.input(0).data();
        RAN.put(task + " " + ctx.point(), new Ran(ctx.processor().name(), first.rect().toString(),
                (System.nanoTime() - t0) / 1e6));
    }

    /** Runs the example. */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1L << 24;
        LegateRuntime rt = Legate.runtime();
        System.out.printf("Legate for Java: %d CPU and %d GPU processors%n", rt.machine().count(ProcessorKind.CPU),
                rt.machine().count(ProcessorKind.GPU));
        Squares tasks = rt.tasks(Squares.class);
        LogicalStore x = rt.createStore(DType.FLOAT64, n);
        LogicalStore y = rt.createStore(DType.FLOAT64, n);
        LogicalStore total = rt.createScalarStore(Scalar.of(0.0));
        long t0 = System.nanoTime();
        tasks.iota(x);
        tasks.square(y, x);
        tasks.sum(total, y);
        double got = total.readScalar().asDouble();
        double ms = (System.nanoTime() - t0) / 1e6;
        double m = n - 1;
        double expect = m * (m + 1) * (2 * m + 1) / 6;
        System.out.printf("sum of squares of 0..%d = %.6e (closed form %.6e, relative error %.1e) in %.1f ms%n",
                n - 1, got, expect, Math.abs(got - expect) / expect, ms);
        System.out.printf("%-14s %-8s %-24s %9s%n", "task point", "ran on", "tile", "ms");
        new TreeMap<>(RAN).forEach((k, r) -> System.out.printf("%-14s %-8s %-24s %9.2f%n", k, r.processor(), r.tile(),
                r.millis()));
        if (Math.abs(got - expect) / expect > 1e-9) {
            System.err.println("error: the sum does not match the closed form");
            System.exit(1);
        }
        rt.close();
    }
}
