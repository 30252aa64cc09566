package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The NumPy {@code .npy} format (versions 1.0, 2.0 and 3.0): headers parsed and written
 * byte-for-byte as {@code np.save} writes them, and data copied between a file image and native
 * memory with byte swapping where the file's byte order differs.
 *
 * <p><b>Scope.</b> Plain C-order arrays of {@code bool} ({@code |b1}), signed and unsigned
 * integers of 1, 2, 4 and 8 bytes, {@code float16/32/64} and {@code complex64/128}, in either
 * byte order. {@code fortran_order: True}, structured, string, object and datetime dtypes are
 * rejected with {@link NpyFormatException}, as are headers NumPy would reject (missing or extra
 * keys).
 *
 * <p><b>Layout.</b> A file image is a {@link MemorySegment} whose byte 0 is the first byte of the
 * file (a mapped file, or a buffer holding at least the part accessed). Native-memory sides are
 * addressed in elements of the dtype's size.
 */
public final class Npy {
    /** The magic string every .npy file starts with. */
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy leaves room for the growth axis to reach this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /**
     * An element type: NumPy kind ({@code b i u f c}), item size in bytes, and byte order
     * (little-endian for one-byte types, which NumPy marks {@code |}).
     */
    public record Dtype(char kind, int size, ByteOrder order) {
        /** Validates the kind and size and canonicalises the order of one-byte types. */
        public Dtype {
            boolean ok = switch (kind) {
                case 'b' -> size == 1;
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'f' -> size == 2 || size == 4 || size == 8;
                case 'c' -> size == 8 || size == 16;
                default -> false;
            };
            if (!ok) {
                throw new NpyFormatException("unsupported .npy dtype kind '" + kind + "' size " + size);
            }
            if (size == 1) {
                order = ByteOrder.LITTLE_ENDIAN;
            }
        }

        /** The dtype of a descr string such as {@code <f8}, {@code |b1}, {@code >i4}, {@code <c16}. */
        public static Dtype parse(String descr) {
            if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
                throw new NpyFormatException("unsupported .npy dtype descr '" + descr
                        + "' (only simple numeric dtypes such as '<f8' are read)");
            }
            int size;
            try {
                size = Integer.parseInt(descr.substring(2));
            } catch (NumberFormatException e) {
                throw new NpyFormatException("unsupported .npy dtype descr '" + descr + "'");
            }
            ByteOrder order = switch (descr.charAt(0)) {
                case '<' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                default -> ByteOrder.nativeOrder();
            };
            try {
                return new Dtype(descr.charAt(1), size, order);
            } catch (NpyFormatException e) {
                throw new NpyFormatException("unsupported .npy dtype descr '" + descr + "'");
            }
        }

        /** The descr as NumPy writes it: {@code |} for one-byte types, else {@code <} or {@code >}. */
        public String descr() {
            char o = size == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
            return "" + o + kind + size;
        }

        /** The unit that byte swapping reverses: the item, or each half of a complex. */
        int swapUnit() {
            return kind == 'c' ? size / 2 : size;
        }
    }

    /**
     * A parsed header.
     *
     * @param major format major version (1, 2 or 3)
     * @param minor format minor version (0)
     * @param dtype the element type
     * @param shape the C-order shape (empty for a 0-d array)
     * @param dataOffset byte offset of the data section in the file
     */
    public record Header(int major, int minor, Dtype dtype, long[] shape, long dataOffset) {
        /** The number of elements: the product of the shape (1 for 0-d). */
        public long count() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        /** The size of the data section in bytes. */
        public long dataBytes() {
            return Math.multiplyExact(count(), dtype.size());
        }
    }

    private Npy() {}

    /**
     * Parses the header at the start of a file image.
     *
     * @throws NpyFormatException if the bytes are not a supported .npy header
     */
    public static Header readHeader(MemorySegment file) {
        if (file.byteSize() < 10) {
            throw new NpyFormatException("not an .npy file: " + file.byteSize() + " bytes is shorter than the preamble");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (file.get(ValueLayout.JAVA_BYTE, i) != MAGIC[i]) {
                throw new NpyFormatException("not an .npy file: bad magic string at byte " + i);
            }
        }
        int major = file.get(ValueLayout.JAVA_BYTE, 6) & 0xFF;
        int minor = file.get(ValueLayout.JAVA_BYTE, 7) & 0xFF;
        long headerLength;
        long start;
        if (major == 1 && minor == 0) {
            headerLength = file.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8) & 0xFFFF;
            start = 10;
        } else if ((major == 2 || major == 3) && minor == 0 && file.byteSize() >= 12) {
            headerLength = file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8) & 0xFFFF_FFFFL;
            start = 12;
        } else {
            throw new NpyFormatException("unsupported .npy format version " + major + "." + minor);
        }
        if (start + headerLength > file.byteSize()) {
            throw new NpyFormatException(".npy header of " + headerLength + " bytes at byte " + start
                    + " runs past the end of the " + file.byteSize() + " bytes given");
        }
        byte[] raw = file.asSlice(start, headerLength).toArray(ValueLayout.JAVA_BYTE);
        String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeaderParser.Fields f = NpyHeaderParser.parse(text, start);
        if (f.fortranOrder()) {
            throw new NpyFormatException(".npy arrays in Fortran order are not supported (header at byte " + start
                    + ": " + text.strip() + "); save a C-order array (np.ascontiguousarray)");
        }
        return new Header(major, minor, Dtype.parse(f.descr()), f.shape(), start + headerLength);
    }

    /**
     * The complete header (magic, version, length, dictionary, padding) that {@code np.save}
     * writes for a C-order array of this dtype and shape: version 1.0 unless the header needs
     * more than 65535 bytes, then 2.0; the data section starts at a multiple of 64 bytes.
     */
    public static byte[] header(Dtype dtype, long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(i > 0 ? ", " : "").append(shape[i]);
        }
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length())));
        }
        byte[] body = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = body.length + 1;
        int lengthBytes = hlen + ALIGN - (MAGIC.length + 4 + hlen) % ALIGN > 0xFFFF ? 4 : 2;
        int prefix = MAGIC.length + 2 + lengthBytes;
        int pad = ALIGN - (prefix + hlen) % ALIGN;
        byte[] out = new byte[prefix + hlen + pad];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (lengthBytes == 2 ? 1 : 2);
        out[7] = 0;
        int total = hlen + pad;
        for (int i = 0; i < lengthBytes; i++) {
            out[8 + i] = (byte) (total >>> (8 * i));
        }
        System.arraycopy(body, 0, out, prefix, body.length);
        Arrays.fill(out, prefix + body.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /**
     * Copies elements {@code [first, first + count)} of the data section of {@code file} into
     * {@code dst} from element {@code dstOffset}, converting to native byte order.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array or the file image
     */
    public static void readData(MemorySegment file, Header h, long first, long count, MemorySegment dst,
            long dstOffset) {
        if (first < 0 || count < 0 || first + count > h.count()) {
            throw new IndexOutOfBoundsException("elements [" + first + ", " + (first + count)
                    + ") are outside the .npy array of " + h.count());
        }
        Dtype t = h.dtype();
        ValueLayout unit = layout(t.swapUnit());
        long units = count * (t.size() / t.swapUnit());
        MemorySegment.copy(file, unit.withOrder(t.order()), h.dataOffset() + first * t.size(), dst,
                unit.withOrder(ByteOrder.nativeOrder()), dstOffset * t.size(), units);
    }

    /**
     * Copies {@code count} elements of native memory from element {@code srcOffset} of
     * {@code src} into a file image at byte {@code fileOffset}, in the dtype's byte order.
     */
    public static void writeData(MemorySegment src, long srcOffset, long count, Dtype dtype, MemorySegment file,
            long fileOffset) {
        ValueLayout unit = layout(dtype.swapUnit());
        long units = count * (dtype.size() / dtype.swapUnit());
        MemorySegment.copy(src, unit.withOrder(ByteOrder.nativeOrder()), srcOffset * dtype.size(), file,
                unit.withOrder(dtype.order()), fileOffset, units);
    }

    private static ValueLayout layout(int bytes) {
        return switch (bytes) {
            case 1 -> ValueLayout.JAVA_BYTE;
            case 2 -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case 4 -> ValueLayout.JAVA_INT_UNALIGNED;
            default -> ValueLayout.JAVA_LONG_UNALIGNED;
        };
    }
}
