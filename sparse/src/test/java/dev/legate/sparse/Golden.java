package dev.legate.sparse;

import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The golden cases written by src/test/python/make_golden.py (SciPy's results). */
final class Golden {
    private final Map<String, String[]> arrays = new HashMap<>();

    private Golden() {
    }

    static Golden load() {
        Golden g = new Golden();
        try (InputStream in = Golden.class.getResourceAsStream("/golden/cases.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split(" ");
                String[] v = new String[t.length - 1];
                System.arraycopy(t, 1, v, 0, v.length);
                g.arrays.put(t[0], v);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return g;
    }

    double[] doubles(String name) {
        String[] v = arrays.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no golden array " + name);
        }
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Double.parseDouble(v[i]);
        }
        return r;
    }

    long[] longs(String name) {
        String[] v = arrays.get(name);
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Long.parseLong(v[i]);
        }
        return r;
    }

    NDArray vector(String name) {
        double[] d = doubles(name);
        return Numeric.array(d, d.length);
    }

    /** The CSR matrix {@code name} on the default runtime. */
    CsrMatrix csr(String name) {
        long[] shape = longs(name + ".shape");
        long[] ptr = longs(name + ".indptr");
        long[] idx = longs(name + ".indices");
        double[] val = doubles(name + ".data");
        return Sparse.csr(Numeric.array(val, val.length), Numeric.array(idx, idx.length),
                Numeric.array(ptr, ptr.length), shape[0], shape[1]);
    }
}
