package dev.legate.numeric.internal.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NumPy's element formatters for {@code repr}: floats with the "maxprec" mode of precision 8
 * (shortest round-trip digits, at most 8 after the point, positional or scientific for the
 * whole array), integers right-aligned, booleans as {@code True}/{@code False}.
 */
final class ElementFormat {
    private static final int PRECISION = 8;

    private final boolean exp;
    private final boolean single;
    private int padLeft;
    private int padRight;
    private int expDigits;
    private int expPrecision;

    /** A float formatter fitted to {@code values} (those shown); {@code single} for float32/16. */
    ElementFormat(double[] values, boolean single) {
        this.single = single;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        boolean anyFinite = false;
        boolean anyNonFinite = false;
        boolean negInf = false;
        for (double v : values) {
            if (Double.isFinite(v)) {
                anyFinite = true;
                double a = Math.abs(v);
                if (a != 0) {
                    max = Math.max(max, a);
                    min = Math.min(min, a);
                }
            } else {
                anyNonFinite = true;
                negInf |= v == Double.NEGATIVE_INFINITY;
            }
        }
        boolean e = false;
        if (min != Double.POSITIVE_INFINITY) {
            e = max >= 1e8 || min < 0.0001 || max / min > 1000.0;
        }
        this.exp = e;
        if (anyFinite) {
            if (exp) {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        String[] m = scientific(v);
                        String[] ip = m[0].split("\\.", -1);
                        padLeft = Math.max(padLeft, ip[0].length());
                        expPrecision = Math.max(expPrecision, ip.length > 1 ? ip[1].length() : 0);
                        expDigits = Math.max(expDigits, m[1].length() - 1);
                    }
                }
                padRight = expDigits + 2 + expPrecision;
            } else {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        String s = positional(v);
                        int dot = s.indexOf('.');
                        padLeft = Math.max(padLeft, dot);
                        padRight = Math.max(padRight, s.length() - dot - 1);
                    }
                }
            }
        }
        if (anyNonFinite) {
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
    }

    private BigDecimal exact(double v) {
        return new BigDecimal(single ? Float.toString((float) v) : Double.toString(v));
    }

    /** Shortest digits, at most 8 after the point, trailing zeros trimmed, the point kept. */
    private String positional(double v) {
        BigDecimal b = exact(v);
        if (b.scale() > PRECISION) {
            b = b.setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        b = b.stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        String s = b.toPlainString();
        if (v == 0 && Double.doubleToRawLongBits(v) < 0) {
            s = "-" + s;
        }
        return s.contains(".") ? s : s + ".";
    }

    /** Mantissa (at most 8 digits after the point, trimmed) and exponent ("+08"). */
    private String[] scientific(double v) {
        BigDecimal b = exact(v);
        if (b.signum() == 0) {
            return new String[] {(Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0.", "+00"};
        }
        int exp10 = b.precision() - b.scale() - 1;
        BigDecimal m = b.movePointLeft(exp10);
        if (m.scale() > PRECISION) {
            m = m.setScale(PRECISION, RoundingMode.HALF_EVEN);
            if (m.abs().compareTo(BigDecimal.TEN) >= 0) {
                m = m.movePointLeft(1);
                exp10++;
            }
        }
        m = m.stripTrailingZeros();
        if (m.scale() < 0) {
            m = m.setScale(0);
        }
        String ms = m.toPlainString();
        if (!ms.contains(".")) {
            ms += ".";
        }
        String es = Integer.toString(Math.abs(exp10));
        if (es.length() < 2) {
            es = "0" + es;
        }
        return new String[] {ms, (exp10 < 0 ? "-" : "+") + es};
    }

    /** Formats one value to the common width. */
    String format(double v) {
        if (!Double.isFinite(v)) {
            String r = Double.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
            return " ".repeat(Math.max(0, padLeft + padRight + 1 - r.length())) + r;
        }
        if (exp) {
            String[] m = scientific(v);
            String[] ip = m[0].split("\\.", -1);
            String frac = ip.length > 1 ? ip[1] : "";
            frac = frac + "0".repeat(Math.max(0, expPrecision - frac.length()));
            String es = m[1].substring(1);
            while (es.length() < expDigits) {
                es = "0" + es;
            }
            String s = ip[0] + "." + frac + "e" + m[1].charAt(0) + es;
            return " ".repeat(Math.max(0, padLeft - ip[0].length())) + s;
        }
        String s = positional(v);
        int dot = s.indexOf('.');
        int right = s.length() - dot - 1;
        return " ".repeat(Math.max(0, padLeft - dot)) + s + " ".repeat(Math.max(0, padRight - right));
    }

    /** The width of every formatted value. */
    int width() {
        return padLeft + padRight + 1;
    }

    /** Integers right-aligned to the widest. */
    static String[] integers(String[] values) {
        int w = 0;
        for (String s : values) {
            w = Math.max(w, s.length());
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = " ".repeat(w - values[i].length()) + values[i];
        }
        return out;
    }
}
