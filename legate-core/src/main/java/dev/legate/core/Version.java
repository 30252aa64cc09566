package dev.legate.core;

/** A semantic version {@code major.minor.patch}. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {
    /** Validates the components. */
    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version components must be >= 0: " + major + "." + minor + "." + patch);
        }
    }

    /** Parses {@code "1.2.3"} (missing components are 0). */
    public static Version parse(String text) {
        String[] p = text.trim().split("\\.");
        try {
            return new Version(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0,
                    p.length > 2 ? Integer.parseInt(p[2]) : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a version: '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
