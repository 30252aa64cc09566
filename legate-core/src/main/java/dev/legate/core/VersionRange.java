package dev.legate.core;

/**
 * A half-open range of versions {@code [min, max)}, written {@code "[1.0,2.0)"}.
 */
public record VersionRange(Version min, Version max) {
    /** Validates that the range is not empty. */
    public VersionRange {
        if (min.compareTo(max) >= 0) {
            throw new IllegalArgumentException("empty version range [" + min + "," + max + ")");
        }
    }

    /** Parses {@code "[1.0,2.0)"}. */
    public static VersionRange parse(String text) {
        String t = text.trim();
        if (!t.startsWith("[") || !t.endsWith(")") || !t.contains(",")) {
            throw new IllegalArgumentException("not a version range (expected \"[min,max)\"): '" + text + "'");
        }
        String[] p = t.substring(1, t.length() - 1).split(",");
        return new VersionRange(Version.parse(p[0]), Version.parse(p[1]));
    }

    /** Whether {@code v} lies in the range. */
    public boolean contains(Version v) {
        return v.compareTo(min) >= 0 && v.compareTo(max) < 0;
    }

    @Override
    public String toString() {
        return "[" + min + "," + max + ")";
    }
}
