package dev.legate.sparse;

import dev.legate.core.LegateException;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Matrix Market ({@code .mtx}) files, as {@code scipy.io.mmread} / {@code mmwrite}: the
 * coordinate format with {@code real}, {@code integer} or {@code pattern} values and
 * {@code general}, {@code symmetric} or {@code skew-symmetric} symmetry.
 *
 * <p>Files are read and written on the calling thread (the data pass through the host).
 * {@link #write} writes a temporary file beside the target and renames it, so the target path
 * never holds a half-written file.
 */
public final class MatrixMarket {
    private MatrixMarket() {
    }

    /**
     * Reads a coordinate Matrix Market file as a CSR matrix (repeated entries summed).
     *
     * @throws SparseFormatException naming the file and line when the file is malformed
     * @throws UncheckedIOException when the file cannot be read
     */
    public static CsrMatrix read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String header = in.readLine();
            if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("%%matrixmarket")) {
                throw new SparseFormatException(file + ": line 1 is not a %%MatrixMarket header");
            }
            String[] h = header.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (h.length < 5 || !h[1].equals("matrix") || !h[2].equals("coordinate")) {
                throw new SparseFormatException(file + ": only 'matrix coordinate' files are supported, got '"
                        + header + "'");
            }
            String field = h[3];
            String symmetry = h[4];
            if (!field.equals("real") && !field.equals("integer") && !field.equals("pattern")) {
                throw new SparseFormatException(file + ": unsupported field '" + field + "'");
            }
            if (!symmetry.equals("general") && !symmetry.equals("symmetric") && !symmetry.equals("skew-symmetric")) {
                throw new SparseFormatException(file + ": unsupported symmetry '" + symmetry + "'");
            }
            int lineNo = 1;
            String line;
            do {
                line = in.readLine();
                lineNo++;
            } while (line != null && (line.isBlank() || line.startsWith("%")));
            if (line == null) {
                throw new SparseFormatException(file + ": missing size line");
            }
            String[] size = line.trim().split("\\s+");
            long m = Long.parseLong(size[0]);
            long n = Long.parseLong(size[1]);
            int entries = Integer.parseInt(size[2]);
            boolean sym = !symmetry.equals("general");
            int cap = sym ? 2 * entries : entries;
            long[] rows = new long[cap];
            long[] cols = new long[cap];
            double[] vals = new double[cap];
            int k = 0;
            for (int e = 0; e < entries; e++) {
                line = in.readLine();
                lineNo++;
                if (line == null) {
                    throw new SparseFormatException(file + ": expected " + entries + " entries, found " + e);
                }
                String[] t = line.trim().split("\\s+");
                try {
                    long i = Long.parseLong(t[0]) - 1;
                    long j = Long.parseLong(t[1]) - 1;
                    double v = field.equals("pattern") ? 1.0 : Double.parseDouble(t[2]);
                    if (i < 0 || i >= m || j < 0 || j >= n) {
                        throw new SparseFormatException(file + ":" + lineNo + ": entry (" + (i + 1) + ", " + (j + 1)
                                + ") is outside the " + m + " x " + n + " matrix");
                    }
                    rows[k] = i;
                    cols[k] = j;
                    vals[k++] = v;
                    if (sym && i != j) {
                        rows[k] = j;
                        cols[k] = i;
                        vals[k++] = symmetry.equals("skew-symmetric") ? -v : v;
                    }
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
                    throw new SparseFormatException(file + ":" + lineNo + ": malformed entry '" + line + "'");
                }
            }
            NDArray r = Numeric.array(java.util.Arrays.copyOf(rows, k), k);
            NDArray c = Numeric.array(java.util.Arrays.copyOf(cols, k), k);
            NDArray v = Numeric.array(java.util.Arrays.copyOf(vals, k), k);
            return Sparse.coo(v, r, c, m, n).tocsr();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes {@code a} as a {@code coordinate real general} file, values with 17 significant
     * digits so that they read back bitwise; atomically replaces {@code file}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, SparseMatrix a) {
        CsrMatrix csr = a.tocsr();
        long[] ptr = csr.indptr().toLongArray();
        long[] crd = csr.indices().toLongArray();
        double[] val = csr.data().toDoubleArray();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                out.write("%%MatrixMarket matrix coordinate real general\n");
                out.write("% written by dev.legate.sparse\n");
                out.write(a.rows() + " " + a.cols() + " " + val.length + "\n");
                for (int r = 0; r < a.rows(); r++) {
                    for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                        out.write((r + 1) + " " + (crd[(int) k] + 1) + " "
                                + String.format(Locale.ROOT, "%.17g", val[(int) k]) + "\n");
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    throw new LegateException("cannot remove temporary file " + tmp, e);
                }
            }
        }
    }
}
