package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Copies between Java arrays and stores on the host, converting element types as NumPy's
 * {@code astype} does; elements are visited in row-major order of the store's shape.
 */
public final class HostData {
    private HostData() {
    }

    /** Writes {@code values} (flattened, row-major) into the writable host mapping {@code ps}. */
    public static void write(PhysicalStore ps, double[] values) {
        TypeCode t = ps.type().code();
        MemorySegment seg = ps.segment();
        if (t == TypeCode.FLOAT64 && ps.isContiguous()) {
            MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_DOUBLE, ps.origin() * 8, values.length);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            Scalar.of(ps.type(), values[i]).write(seg, ps.linearIndex(i) * ps.type().size());
        }
    }

    /** Writes integer {@code values} into {@code ps}, wrapping to its width. */
    public static void write(PhysicalStore ps, long[] values) {
        TypeCode t = ps.type().code();
        MemorySegment seg = ps.segment();
        if ((t == TypeCode.INT64 || t == TypeCode.UINT64) && ps.isContiguous()) {
            MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_LONG, ps.origin() * 8, values.length);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            Scalar.ofInteger(ps.type(), values[i]).write(seg, ps.linearIndex(i) * ps.type().size());
        }
    }

    /** Writes complex values given as interleaved (re, im) pairs. */
    public static void writeComplex(PhysicalStore ps, double[] pairs) {
        MemorySegment seg = ps.segment();
        for (int i = 0; i < pairs.length / 2; i++) {
            Scalar.complex(ps.type(), pairs[2 * i], pairs[2 * i + 1]).write(seg, ps.linearIndex(i) * ps.type().size());
        }
    }

    /** All elements of {@code ps} as doubles (complex: the real parts; uint64 unsigned). */
    public static double[] readDoubles(PhysicalStore ps) {
        int n = Math.toIntExact(ps.volume());
        double[] out = new double[n];
        TypeCode t = ps.type().code();
        MemorySegment seg = ps.segment();
        if (t == TypeCode.FLOAT64 && ps.isContiguous()) {
            MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE, ps.origin() * 8, out, 0, n);
            return out;
        }
        DType type = ps.type();
        for (int i = 0; i < n; i++) {
            out[i] = Scalar.read(type, seg, ps.linearIndex(i) * type.size()).asDouble();
        }
        return out;
    }

    /** All elements as longs (floats truncate toward zero). */
    public static long[] readLongs(PhysicalStore ps) {
        int n = Math.toIntExact(ps.volume());
        long[] out = new long[n];
        TypeCode t = ps.type().code();
        MemorySegment seg = ps.segment();
        if ((t == TypeCode.INT64 || t == TypeCode.UINT64) && ps.isContiguous()) {
            MemorySegment.copy(seg, ValueLayout.JAVA_LONG, ps.origin() * 8, out, 0, n);
            return out;
        }
        DType type = ps.type();
        for (int i = 0; i < n; i++) {
            out[i] = Scalar.read(type, seg, ps.linearIndex(i) * type.size()).asLong();
        }
        return out;
    }

    /** All elements as scalars of the store's type. */
    public static Scalar[] readScalars(PhysicalStore ps) {
        int n = Math.toIntExact(ps.volume());
        Scalar[] out = new Scalar[n];
        DType type = ps.type();
        MemorySegment seg = ps.segment();
        for (int i = 0; i < n; i++) {
            out[i] = Scalar.read(type, seg, ps.linearIndex(i) * type.size());
        }
        return out;
    }
}
