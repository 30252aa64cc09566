package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
    public interface Scale {
        @Task
        @Align({"out", "in"})
        default void by(OutputArray out, InputArray in, double factor) {
            var o = out.doubles();
            var i = in.doubles();
            for (long k = 0; k < o.size(); k++) {
                o.set(k, i.get(k) * factor);
            }
        }

        @Task
        default void total(ReductionArray acc, InputArray in) {
            var i = in.doubles();
            double s = 0;
            for (long k = 0; k < i.size(); k++) {
                s += i.get(k);
            }
            acc.doubles().reduce(0, s);
        }
    }

    @Test
    void fillScaleAndReduce() {
        try (LegateRuntime rt = TestRuntimes.cpus(4)) {
            LogicalStore in = rt.createStore(DType.FLOAT64, 1000);
            LogicalStore out = rt.createStore(DType.FLOAT64, 1000);
            rt.fill(in, Scalar.of(1.5));
            Scale s = rt.tasks(Scale.class);
            s.by(out, in, 2.0);
            assertEquals(3.0, out.physical().doubles().get(999));
            LogicalStore acc = rt.createScalarStore(Scalar.of(0.0));
            s.total(acc, out);
            assertEquals(3000.0, acc.readScalar().asDouble());
        }
    }
}
