package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    private static MemorySegment file(String name) {
        return MemorySegment.ofArray(Golden.bytes(name));
    }

    /** Reads the whole data section of a golden file into a native-order byte array. */
    private static MemorySegment data(String name) {
        MemorySegment f = file(name);
        Npy.Header h = Npy.readHeader(f);
        MemorySegment out = MemorySegment.ofArray(new byte[(int) h.dataBytes()]);
        Npy.readData(f, h, 0, h.count(), out, 0);
        return out;
    }

    @Test
    void readsNumPyFilesOfEveryDtypeAndVersion() {
        Npy.Header h = Npy.readHeader(file("npy_f8_2x3.npy"));
        assertEquals(new Npy.Dtype('f', 8, ByteOrder.LITTLE_ENDIAN), h.dtype());
        assertArrayEquals(new long[] {2, 3}, h.shape());
        assertEquals(128, h.dataOffset());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, data("npy_f8_2x3.npy").toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED));
        assertArrayEquals(new int[] {-3, -2, -1, 0, 1, 2, 3}, data("npy_i4_be.npy").toArray(ValueLayout.JAVA_INT_UNALIGNED));
        assertEquals('>', Npy.readHeader(file("npy_i4_be.npy")).dtype().descr().charAt(0));
        assertArrayEquals(new byte[] {1, 0, 1, 1}, data("npy_b1.npy").toArray(ValueLayout.JAVA_BYTE));
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 2, 0.5}, data("npy_c16.npy").toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED));
        assertArrayEquals(new float[] {0, 0.5f, 1, 0.5f, 2, 0.5f}, data("npy_c8_be.npy").toArray(ValueLayout.JAVA_FLOAT_UNALIGNED));
        short[] u2 = data("npy_u2_3d.npy").toArray(ValueLayout.JAVA_SHORT_UNALIGNED);
        assertEquals(23, u2[23]);
        assertArrayEquals(new long[] {2, 3, 4}, Npy.readHeader(file("npy_u2_3d.npy")).shape());
        Npy.Header scalar = Npy.readHeader(file("npy_f4_scalar.npy"));
        assertEquals(0, scalar.shape().length);
        assertEquals(1, scalar.count());
        assertEquals(2.5f, data("npy_f4_scalar.npy").get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0));
        assertArrayEquals(new short[] {0, 0x3C00, 0x4000, 0x4200}, data("npy_f2.npy").toArray(ValueLayout.JAVA_SHORT_UNALIGNED));
        assertEquals(0, Npy.readHeader(file("npy_i8_empty.npy")).count());
        assertArrayEquals(new byte[] {-2, -1, 0, 1, 2}, data("npy_i1.npy").toArray(ValueLayout.JAVA_BYTE));
        assertEquals("|u1", Npy.readHeader(file("npy_u1.npy")).dtype().descr());
        for (String v : new String[] {"npy_v2.npy", "npy_v3.npy"}) {
            Npy.Header hv = Npy.readHeader(file(v));
            assertEquals(v.equals("npy_v2.npy") ? 2 : 3, hv.major());
            assertArrayEquals(new long[] {3, 2}, hv.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, data(v).toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED));
        }
    }

    @Test
    void writesHeadersByteForByteAsNumPy() {
        String[] names = {"npy_f8_2x3.npy", "npy_i4_be.npy", "npy_b1.npy", "npy_c16.npy", "npy_c8_be.npy",
            "npy_u2_3d.npy", "npy_f4_scalar.npy", "npy_f2.npy", "npy_i8_empty.npy", "npy_u1.npy", "npy_i1.npy"};
        for (String name : names) {
            byte[] numpy = Golden.bytes(name);
            Npy.Header h = Npy.readHeader(MemorySegment.ofArray(numpy));
            byte[] ours = Npy.header(h.dtype(), h.shape());
            assertArrayEquals(Arrays.copyOf(numpy, (int) h.dataOffset()), ours, name + " header");
            byte[] whole = Arrays.copyOf(ours, ours.length + (int) h.dataBytes());
            MemorySegment nativeData = data(name);
            Npy.writeData(nativeData, 0, h.count(), h.dtype(), MemorySegment.ofArray(whole), ours.length);
            assertArrayEquals(numpy, whole, name + " file");
        }
    }

    @Test
    void partialReadsTakeTheRequestedElements() {
        MemorySegment f = file("npy_i4_be.npy");
        Npy.Header h = Npy.readHeader(f);
        int[] out = new int[4];
        Npy.readData(f, h, 2, 3, MemorySegment.ofArray(out), 1);
        assertArrayEquals(new int[] {0, -1, 0, 1}, out);
        assertThrows(IndexOutOfBoundsException.class, () -> Npy.readData(f, h, 5, 3, MemorySegment.ofArray(out), 0));
    }

    @Property(tries = 30)
    void roundTripsAnyShapeAndOrder(@ForAll @Size(max = 4) long[] dims, @ForAll boolean bigEndian,
            @ForAll @IntRange(max = 4) int kind) {
        long[] shape = Arrays.stream(dims).map(d -> Math.floorMod(d, 5)).toArray();
        Npy.Dtype t = switch (kind) {
            case 0 -> new Npy.Dtype('f', 8, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            case 1 -> new Npy.Dtype('i', 2, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            case 2 -> new Npy.Dtype('c', 16, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            case 3 -> new Npy.Dtype('u', 4, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            default -> new Npy.Dtype('b', 1, ByteOrder.BIG_ENDIAN);
        };
        byte[] header = Npy.header(t, shape);
        assertEquals(0, header.length % 64);
        Npy.Header h = Npy.readHeader(MemorySegment.ofArray(header));
        assertEquals(t, h.dtype());
        assertArrayEquals(shape, h.shape());
        byte[] src = new byte[(int) h.dataBytes()];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 31 + 7);
        }
        byte[] whole = Arrays.copyOf(header, header.length + src.length);
        Npy.writeData(MemorySegment.ofArray(src), 0, h.count(), t, MemorySegment.ofArray(whole), header.length);
        byte[] back = new byte[src.length];
        Npy.readData(MemorySegment.ofArray(whole), h, 0, h.count(), MemorySegment.ofArray(back), 0);
        assertArrayEquals(src, back);
    }

    @Test
    void rejectsWhatItCannotRead() {
        var fortran = assertThrows(NpyFormatException.class, () -> Npy.readHeader(file("npy_fortran.npy")));
        assertTrue(fortran.getMessage().contains("Fortran order"), fortran.getMessage());
        var unicode = assertThrows(NpyFormatException.class, () -> Npy.readHeader(file("npy_unicode.npy")));
        assertTrue(unicode.getMessage().contains("'<U2'"), unicode.getMessage());
        var magic = assertThrows(NpyFormatException.class, () -> Npy.readHeader(MemorySegment.ofArray(new byte[16])));
        assertTrue(magic.getMessage().contains("magic"), magic.getMessage());
        byte[] bad = Npy.header(new Npy.Dtype('f', 8, ByteOrder.LITTLE_ENDIAN), new long[] {3});
        bad[20] = '#';
        var malformed = assertThrows(NpyFormatException.class, () -> Npy.readHeader(MemorySegment.ofArray(bad)));
        assertTrue(malformed.getMessage().contains("at byte"), malformed.getMessage());
        byte[] truncated = Arrays.copyOf(Golden.bytes("npy_f8_2x3.npy"), 40);
        assertThrows(NpyFormatException.class, () -> Npy.readHeader(MemorySegment.ofArray(truncated)));
        assertThrows(NpyFormatException.class, () -> Npy.Dtype.parse("<f16"));
    }
}
