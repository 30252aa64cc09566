package dev.legate.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.ops.Creation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the golden .npy files written by make_golden.py and compares arrays with them. */
final class Golden {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])(\\w)(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Golden() {
    }

    /** A golden file as raw values. */
    record Npy(DType dtype, long[] shape, double[] values, double[] imag) {
    }

    static Npy read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".npy")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            byte[] all = in.readAllBytes();
            ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
            int major = all[6];
            int hlen = major == 1 ? bb.getShort(8) & 0xFFFF : bb.getInt(8);
            int start = major == 1 ? 10 : 12;
            String header = new String(all, start, hlen, StandardCharsets.US_ASCII);
            Matcher d = DESCR.matcher(header);
            Matcher s = SHAPE.matcher(header);
            if (!d.find() || !s.find()) {
                throw new IllegalArgumentException("bad header " + header);
            }
            String kind = d.group(2);
            int size = Integer.parseInt(d.group(3));
            DType t = switch (kind + size) {
                case "f8" -> DType.FLOAT64;
                case "f4" -> DType.FLOAT32;
                case "f2" -> DType.FLOAT16;
                case "i8" -> DType.INT64;
                case "i4" -> DType.INT32;
                case "i2" -> DType.INT16;
                case "i1" -> DType.INT8;
                case "u8" -> DType.UINT64;
                case "u4" -> DType.UINT32;
                case "u2" -> DType.UINT16;
                case "u1" -> DType.UINT8;
                case "b1" -> DType.BOOL;
                case "c16" -> DType.COMPLEX128;
                case "c8" -> DType.COMPLEX64;
                default -> throw new IllegalArgumentException("dtype " + kind + size);
            };
            String[] parts = s.group(1).split(",");
            long[] shape = java.util.Arrays.stream(parts).map(String::trim).filter(x -> !x.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            long n = 1;
            for (long e : shape) {
                n *= e;
            }
            double[] v = new double[(int) n];
            double[] im = t.code().isComplex() ? new double[(int) n] : null;
            int pos = start + hlen;
            for (int i = 0; i < n; i++) {
                switch (t.code()) {
                    case FLOAT64 -> v[i] = bb.getDouble(pos + 8 * i);
                    case FLOAT32 -> v[i] = bb.getFloat(pos + 4 * i);
                    case FLOAT16 -> v[i] = Float.float16ToFloat(bb.getShort(pos + 2 * i));
                    case INT64, UINT64 -> v[i] = bb.getLong(pos + 8 * i);
                    case INT32 -> v[i] = bb.getInt(pos + 4 * i);
                    case UINT32 -> v[i] = bb.getInt(pos + 4 * i) & 0xFFFF_FFFFL;
                    case INT16 -> v[i] = bb.getShort(pos + 2 * i);
                    case UINT16 -> v[i] = bb.getShort(pos + 2 * i) & 0xFFFF;
                    case INT8 -> v[i] = all[pos + i];
                    case UINT8, BOOL -> v[i] = all[pos + i] & 0xFF;
                    case COMPLEX128 -> {
                        v[i] = bb.getDouble(pos + 16 * i);
                        im[i] = bb.getDouble(pos + 16 * i + 8);
                    }
                    case COMPLEX64 -> {
                        v[i] = bb.getFloat(pos + 8 * i);
                        im[i] = bb.getFloat(pos + 8 * i + 4);
                    }
                    default -> throw new IllegalStateException();
                }
            }
            return new Npy(t, shape, v, im);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The golden file as an array on the default runtime. */
    static NDArray load(String name) {
        Npy n = read(name);
        Ctx ctx = Ctx.current();
        if (n.imag() != null) {
            double[] pairs = new double[n.values().length * 2];
            for (int i = 0; i < n.values().length; i++) {
                pairs[2 * i] = n.values()[i];
                pairs[2 * i + 1] = n.imag()[i];
            }
            return Bridge.wrap(Creation.fromComplex(ctx, pairs, Shape.of(n.shape()), n.dtype()));
        }
        if (n.dtype().code().isInteger() || n.dtype().code() == dev.legate.core.TypeCode.BOOL) {
            long[] l = new long[n.values().length];
            for (int i = 0; i < l.length; i++) {
                l[i] = (long) n.values()[i];
            }
            return Bridge.wrap(Creation.fromLongs(ctx, l, Shape.of(n.shape()), n.dtype()));
        }
        return Bridge.wrap(Creation.fromDoubles(ctx, n.values(), Shape.of(n.shape()), n.dtype()));
    }

    /** Asserts {@code actual} has the golden file's dtype and shape and values within rtol/atol (0: exact). */
    static void check(String name, NDArray actual, double rtol, double atol) {
        Npy want = read(name);
        assertEquals(want.dtype(), actual.dtype(), name + ": dtype");
        assertArrayEquals(want.shape(), actual.shape().extents(), name + ": shape " + actual.shape());
        double[] got = actual.toDoubleArray();
        if (want.dtype().code() == dev.legate.core.TypeCode.UINT64 || want.dtype().code() == dev.legate.core.TypeCode.INT64) {
            long[] gl = actual.toLongArray();
            for (int i = 0; i < gl.length; i++) {
                if (gl[i] != (long) want.values()[i]) {
                    fail(name + ": element " + i + " is " + gl[i] + ", NumPy has " + (long) want.values()[i]);
                }
            }
            return;
        }
        compare(name, want.values(), got, rtol, atol);
        if (want.imag() != null) {
            double[] gi = actual.imag().toDoubleArray();
            compare(name + " (imag)", want.imag(), gi, rtol, atol);
        }
    }

    private static void compare(String name, double[] want, double[] got, double rtol, double atol) {
        assertEquals(want.length, got.length, name + ": size");
        for (int i = 0; i < want.length; i++) {
            double w = want[i];
            double g = got[i];
            boolean ok = Double.isNaN(w) ? Double.isNaN(g) : w == g || Math.abs(g - w) <= atol + rtol * Math.abs(w);
            if (!ok) {
                fail(name + ": element " + i + " is " + g + ", NumPy has " + w + " (rtol " + rtol + ", atol " + atol
                        + ")");
            }
        }
    }
}
