package dev.legate.numeric.internal.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Python dictionary literal of an .npy header, e.g.
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}: exactly the keys
 * {@code descr} (a string), {@code fortran_order} (a bool) and {@code shape} (a tuple of
 * non-negative integers), in any order, as NumPy's reader accepts them.
 */
final class NpyHeaderParser {
    /** The three header fields. */
    record Fields(String descr, boolean fortranOrder, long[] shape) {}

    private final String text;
    private final long base;
    private int pos;

    private NpyHeaderParser(String text, long base) {
        this.text = text;
        this.base = base;
    }

    /** Parses {@code text}, found at byte {@code base} of the file (for messages). */
    static Fields parse(String text, long base) {
        return new NpyHeaderParser(text, base).dict();
    }

    private Fields dict() {
        expect('{');
        String descr = null;
        Boolean fortran = null;
        long[] shape = null;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                break;
            }
            String key = string();
            expect(':');
            switch (key) {
                case "descr" -> descr = string();
                case "fortran_order" -> fortran = bool();
                case "shape" -> shape = tuple();
                default -> throw error("unexpected key '" + key + "'");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
        skipSpace();
        if (pos != text.length()) {
            throw error("trailing characters after the dictionary");
        }
        if (descr == null || fortran == null || shape == null) {
            throw error("header does not contain the keys 'descr', 'fortran_order' and 'shape'");
        }
        return new Fields(descr, fortran, shape);
    }

    private String string() {
        skipSpace();
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw error("expected a string");
        }
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private boolean bool() {
        skipSpace();
        if (text.startsWith("True", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("False", pos)) {
            pos += 5;
            return false;
        }
        throw error("expected True or False");
    }

    private long[] tuple() {
        expect('(');
        List<Long> dims = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a non-negative integer dimension");
            }
            dims.add(Long.parseLong(text.substring(start, pos)));
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ')') {
                throw error("expected ',' or ')' in the shape");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of header");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private NpyFormatException error(String what) {
        return new NpyFormatException("malformed .npy header at byte " + (base + pos) + ": " + what + " in "
                + text.strip());
    }
}
