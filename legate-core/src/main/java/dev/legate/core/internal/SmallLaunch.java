package dev.legate.core.internal;

import dev.legate.core.Constraint;
import dev.legate.core.Partition;
import dev.legate.core.Shape;
import dev.legate.core.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan of an auto-partitioned launch that is one point task, found without the solver: every
 * store is bound, the constraints are alignments and broadcasts only, and the largest store is
 * too small to split (below twice the minimum tile volume, or a single processor). Such a launch
 * gets the plan the solver would give it (the launch domain of the key store's rank with one
 * color, every store whole), so it can run at once on the calling thread when nothing it touches
 * is in flight (see {@link RuntimeImpl}).
 *
 * <p>Anything else, including constraints the solver would reject, returns null and takes the
 * general path, which reports the problem.
 */
final class SmallLaunch {
    private SmallLaunch() {
    }

    /**
     * The launch shape of a one-point launch of {@code args}, or null when the solver must decide.
     *
     * @param procs processors of the launch's kind in the current scope
     */
    static Shape plan(Object owner, List<StoreArg> args, List<Constraint> constraints, int procs,
                      long minTileVolume) {
        int n = args.size();
        if (n == 0) {
            return null;
        }
        StoreImpl key = null;
        long keyVolume = -1;
        for (int i = 0; i < n; i++) {
            StoreArg a = args.get(i);
            if (a.unbound() || a.store.isUnbound()) {
                return null;
            }
            long v = a.store.volume();
            if (v > keyVolume) {
                key = a.store;
                keyVolume = v;
            }
        }
        if (procs > 1 && keyVolume / Math.max(1, minTileVolume) > 1) {
            return null;
        }
        Partition cached = key.keyPartition().orElse(null);
        if (cached != null && cached.colorCount() > 1) {
            return null;
        }
        for (int i = 0, m = constraints.size(); i < m; i++) {
            if (!valid(owner, args, constraints.get(i))) {
                return null;
            }
        }
        long[] ones = new long[key.ndim()];
        java.util.Arrays.fill(ones, 1);
        return Shape.of(ones);
    }

    /** Whether {@code c} is an alignment or broadcast the solver accepts. */
    private static boolean valid(Object owner, List<StoreArg> args, Constraint c) {
        switch (c) {
            case Constraint.Align(Variable a, Variable b) -> {
                return owns(owner, a, args) && owns(owner, b, args)
                        && args.get(a.index()).store.shape().equals(args.get(b.index()).store.shape());
            }
            case Constraint.Broadcast(Variable v, int[] dims) -> {
                if (!owns(owner, v, args)) {
                    return false;
                }
                int nd = args.get(v.index()).store.ndim();
                for (int d : dims) {
                    if (d < 0 || d >= nd) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean owns(Object owner, Variable v, List<StoreArg> args) {
        return v.owner() == owner && v.index() >= 0 && v.index() < args.size();
    }

    /**
     * Whether an unfinished operation conflicts with the launch's access to one of its storages
     * (either one writes). Drops the finished accesses it passes, as the dependence analysis
     * would. Conservative: overlap is not looked at. Called under the analysis lock.
     */
    static boolean inFlight(List<StoreArg> args) {
        for (int i = 0, n = args.size(); i < n; i++) {
            StoreArg a = args.get(i);
            ArrayList<OpAccess> list = a.store.storage().accesses;
            if (list.isEmpty()) {
                continue;
            }
            boolean write = a.privilege.writes();
            int kept = 0;
            boolean conflict = false;
            for (int k = 0, m = list.size(); k < m; k++) {
                OpAccess o = list.get(k);
                if (!o.group.isDone()) {
                    conflict |= write || o.write;
                    list.set(kept++, o);
                }
            }
            while (list.size() > kept) {
                list.removeLast();
            }
            if (conflict) {
                return true;
            }
        }
        return false;
    }
}
