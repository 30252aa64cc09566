package dev.legate.core;

/**
 * How many arguments of each kind a task takes; {@link #ANY} (-1) leaves a count open. A launch
 * that does not match fails with a {@link TaskArgumentException} before anything runs.
 */
public record TaskSignature(int inputs, int outputs, int reductions, int scalars) {
    /** A count that is not checked. */
    public static final int ANY = -1;

    /** A signature that checks nothing. */
    public static final TaskSignature UNCHECKED = new TaskSignature(ANY, ANY, ANY, ANY);

    /** Throws when the counts of a launch of {@code task} do not match. */
    public void check(TaskId task, int in, int out, int red, int sc) {
        StringBuilder sb = new StringBuilder();
        mismatch(sb, "inputs", inputs, in);
        mismatch(sb, "outputs", outputs, out);
        mismatch(sb, "reductions", reductions, red);
        mismatch(sb, "scalars", scalars, sc);
        if (!sb.isEmpty()) {
            throw new TaskArgumentException("task " + task + " takes " + this + " but was launched with" + sb);
        }
    }

    private static void mismatch(StringBuilder sb, String what, int want, int got) {
        if (want != ANY && want != got) {
            sb.append(sb.isEmpty() ? " " : ", ").append(got).append(' ').append(what);
        }
    }

    @Override
    public String toString() {
        return count(inputs) + " inputs, " + count(outputs) + " outputs, " + count(reductions) + " reductions, "
                + count(scalars) + " scalars";
    }

    private static String count(int n) {
        return n == ANY ? "any" : Integer.toString(n);
    }
}
