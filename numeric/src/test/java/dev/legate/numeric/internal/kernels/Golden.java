package dev.legate.numeric.internal.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the golden files written by {@code numeric/src/test/python/make_kernel_golden.py} from
 * the test resources under {@code /kernels/}.
 */
final class Golden {
    private Golden() {}

    /** The raw bytes of resource {@code /kernels/name}. */
    static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/kernels/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden resource /kernels/" + name
                        + "; run numeric/src/test/python/make_kernel_golden.py");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading golden /kernels/" + name, e);
        }
    }

    /** The values of a text golden (after its "# shape" header line). */
    static double[] doubles(String name) {
        String[] lines = new String(bytes(name), StandardCharsets.US_ASCII).split("\n");
        double[] v = new double[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            v[i - 1] = Double.parseDouble(lines[i]);
        }
        return v;
    }

    /** The values of an integer text golden. */
    static long[] longs(String name) {
        String[] lines = new String(bytes(name), StandardCharsets.US_ASCII).split("\n");
        long[] v = new long[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            v[i - 1] = Long.parseLong(lines[i]);
        }
        return v;
    }

    /** The shape from a text golden's header line. */
    static int[] shape(String name) {
        String header = new String(bytes(name), StandardCharsets.US_ASCII).split("\n", 2)[0];
        String[] parts = header.substring("# shape".length()).trim().split(" ");
        if (parts.length == 1 && parts[0].isEmpty()) {
            return new int[0];
        }
        int[] s = new int[parts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Integer.parseInt(parts[i]);
        }
        return s;
    }
}
