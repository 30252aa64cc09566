package dev.legate.core.internal;

import dev.legate.core.Constraint;
import dev.legate.core.ExplicitPartition;
import dev.legate.core.Partition;
import dev.legate.core.PartitioningException;
import dev.legate.core.Point;
import dev.legate.core.Rect;
import dev.legate.core.Replication;
import dev.legate.core.Shape;
import dev.legate.core.Tiling;
import dev.legate.core.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The constraint solver of auto-partitioned launches.
 *
 * <p>Overview: aligned arguments are unified into classes. Classes whose partition another
 * argument's contents or partition determines (image, scale, bloat) are <em>derived</em>; among
 * the others, the class holding the largest store is the key class and its tiling, cut into as
 * many tiles as there are processors but never below the minimum tile volume, sets the launch
 * domain. {@link #solve} checks everything that does not depend on data and reports all
 * conflicts at once; {@link Plan#resolve} computes derived partitions when the launch is
 * analysed, reading data for images.
 */
final class Solver {
    private Solver() {
    }

    enum Kind { IMAGE_POINTS, IMAGE_RANGES, SCALE, BLOAT }

    /** A derived partition: {@code dst}'s class from {@code src}'s partition. */
    record Derivation(Kind kind, int src, int srcHi, int dst, long[] a, long[] b) {
    }

    /** The outcome of {@link #solve}: the launch shape, static partitions and pending derivations. */
    static final class Plan {
        final Shape launch;
        final List<StoreArg> args;
        final int[] classOf;
        final List<Derivation> derivations;

        Plan(Shape launch, List<StoreArg> args, int[] classOf, List<Derivation> derivations) {
            this.launch = launch;
            this.args = args;
            this.classOf = classOf;
            this.derivations = derivations;
        }

        /** Computes the derived partitions, in dependence order; images may read data. */
        void resolve(RuntimeImpl rt) {
            List<Derivation> todo = new ArrayList<>(derivations);
            while (!todo.isEmpty()) {
                boolean progress = false;
                for (int i = 0; i < todo.size(); i++) {
                    Derivation d = todo.get(i);
                    Partition src = args.get(d.src()).partition;
                    if (src == null) {
                        continue;
                    }
                    Partition p = derive(rt, d, src);
                    for (StoreArg a : args) {
                        if (classOf[a.index] == classOf[d.dst()]) {
                            a.partition = p;
                        }
                    }
                    todo.remove(i--);
                    progress = true;
                }
                if (!progress) {
                    throw new IllegalStateException("cyclic derivations survived validation: " + todo);
                }
            }
        }

        private Partition derive(RuntimeImpl rt, Derivation d, Partition src) {
            StoreArg dst = args.get(d.dst());
            Shape dshape = dst.store.shape();
            if (launch.volume() == 1) {
                return new Replication(dshape, launch);
            }
            int colors = (int) launch.volume();
            Rect[] tiles = new Rect[colors];
            switch (d.kind()) {
                case SCALE, BLOAT -> {
                    for (int c = 0; c < colors; c++) {
                        Rect t = src.tile(Point.delinearize(c, launch));
                        long[] lo = t.lo();
                        long[] hi = t.hi();
                        for (int k = 0; k < lo.length; k++) {
                            if (d.kind() == Kind.SCALE) {
                                lo[k] *= d.a()[k];
                                hi[k] *= d.a()[k];
                            } else if (!t.isEmpty()) {
                                lo[k] -= d.a()[k];
                                hi[k] += d.b()[k];
                            }
                        }
                        tiles[c] = new Rect(lo, hi).intersect(dshape.rect());
                    }
                }
                case IMAGE_POINTS, IMAGE_RANGES -> {
                    StoreArg s = args.get(d.src());
                    StoreArg h = d.srcHi() >= 0 ? args.get(d.srcHi()) : null;
                    tiles = Images.compute(rt, s, h == null ? null : h.store, src, launch, dshape.extent(0));
                }
            }
            return new ExplicitPartition(dshape, launch, tiles, d.kind().name().toLowerCase());
        }
    }

    /**
     * Validates the constraints and chooses the launch shape and the non-derived partitions.
     *
     * @param owner the task the variables must belong to
     * @param procs processors available to the launch
     * @throws PartitioningException listing every conflict
     */
    static Plan solve(dev.legate.core.TaskId task, Object owner, List<StoreArg> args, List<Constraint> constraints, int procs,
                      long minTileVolume, long granule) {
        int n = args.size();
        List<String> conflicts = new ArrayList<>();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        boolean[][] bcast = new boolean[n][];
        boolean[] bcastAll = new boolean[n];
        for (int i = 0; i < n; i++) {
            bcast[i] = new boolean[args.get(i).store.ndim()];
        }
        List<Derivation> derivations = new ArrayList<>();
        int[] derivedBy = new int[n];
        Arrays.fill(derivedBy, -1);

        for (Constraint c : constraints) {
            switch (c) {
                case Constraint.Align(Variable a, Variable b) -> {
                    if (!owns(owner, a, n, conflicts, c) || !owns(owner, b, n, conflicts, c)) {
                        continue;
                    }
                    StoreImpl sa = args.get(a.index()).store;
                    StoreImpl sb = args.get(b.index()).store;
                    if (!args.get(a.index()).unbound() && !args.get(b.index()).unbound()
                            && !sa.shape().equals(sb.shape())) {
                        conflicts.add(c + ": shapes " + sa.shape() + " and " + sb.shape() + " differ");
                        continue;
                    }
                    parent[find(parent, a.index())] = find(parent, b.index());
                }
                case Constraint.Broadcast(Variable v, int[] dims) -> {
                    if (!owns(owner, v, n, conflicts, c)) {
                        continue;
                    }
                    int nd = args.get(v.index()).store.ndim();
                    if (dims.length == 0) {
                        bcastAll[v.index()] = true;
                    }
                    for (int d : dims) {
                        if (d < 0 || d >= nd) {
                            conflicts.add(c + ": dimension " + d + " is out of range for the " + nd + "-d store "
                                    + args.get(v.index()).store);
                        } else {
                            bcast[v.index()][d] = true;
                        }
                    }
                }
                case Constraint.Image(Variable src, java.util.Optional<Variable> hi, Variable dst) -> {
                    if (!owns(owner, src, n, conflicts, c) || !owns(owner, dst, n, conflicts, c)
                            || hi.isPresent() && !owns(owner, hi.get(), n, conflicts, c)) {
                        continue;
                    }
                    StoreImpl s = args.get(src.index()).store;
                    StoreImpl t = args.get(dst.index()).store;
                    if (!s.type().code().isInteger()) {
                        conflicts.add(c + ": the image source " + src + " must hold integers, not " + s.type().name());
                    }
                    if (t.ndim() != 1) {
                        conflicts.add(c + ": the image target " + dst + " must be 1-d, not " + t.ndim() + "-d");
                    }
                    if (hi.isPresent()) {
                        StoreImpl h = args.get(hi.get().index()).store;
                        if (!h.shape().equals(s.shape())) {
                            conflicts.add(c + ": range bounds " + src + " " + s.shape() + " and " + hi.get() + " "
                                    + h.shape() + " differ in shape");
                        }
                        parent[find(parent, hi.get().index())] = find(parent, src.index());
                    }
                    addDerivation(derivations, derivedBy, conflicts, c, new Derivation(hi.isPresent()
                            ? Kind.IMAGE_RANGES : Kind.IMAGE_POINTS, src.index(), hi.map(Variable::index).orElse(-1),
                            dst.index(), null, null));
                }
                case Constraint.Scale(long[] f, Variable small, Variable big) -> {
                    if (!owns(owner, small, n, conflicts, c) || !owns(owner, big, n, conflicts, c)) {
                        continue;
                    }
                    int ns = args.get(small.index()).store.ndim();
                    int nb = args.get(big.index()).store.ndim();
                    if (f.length != ns || ns != nb) {
                        conflicts.add(c + ": needs one factor per dimension and stores of equal rank; got "
                                + f.length + " factors for " + ns + "-d and " + nb + "-d stores");
                        continue;
                    }
                    addDerivation(derivations, derivedBy, conflicts, c,
                            new Derivation(Kind.SCALE, small.index(), -1, big.index(), f, null));
                }
                case Constraint.Bloat(Variable src, Variable dst, long[] low, long[] high) -> {
                    if (!owns(owner, src, n, conflicts, c) || !owns(owner, dst, n, conflicts, c)) {
                        continue;
                    }
                    int ns = args.get(src.index()).store.ndim();
                    int nd = args.get(dst.index()).store.ndim();
                    if (low.length != ns || high.length != ns || ns != nd) {
                        conflicts.add(c + ": needs halo widths per dimension and stores of equal rank; got "
                                + low.length + "/" + high.length + " widths for " + ns + "-d and " + nd + "-d stores");
                        continue;
                    }
                    for (int k = 0; k < ns; k++) {
                        if (low[k] < 0 || high[k] < 0) {
                            conflicts.add(c + ": halo widths must be >= 0");
                            break;
                        }
                    }
                    addDerivation(derivations, derivedBy, conflicts, c,
                            new Derivation(Kind.BLOAT, src.index(), -1, dst.index(), low, high));
                }
            }
        }

        int[] classOf = new int[n];
        for (int i = 0; i < n; i++) {
            classOf[i] = find(parent, i);
        }
        boolean[] classDerived = new boolean[n];
        for (Derivation d : derivations) {
            classDerived[classOf[d.dst()]] = true;
        }
        for (Derivation d : derivations) {
            if (classOf[d.src()] == classOf[d.dst()]) {
                conflicts.add(args.get(d.dst()).name + " cannot be derived from " + args.get(d.src()).name
                        + ", which is aligned with it");
            }
        }
        checkCycles(derivations, classOf, args, conflicts);
        for (int i = 0; i < n; i++) {
            if (classDerived[classOf[i]] && (bcastAll[i] || anyTrue(bcast[i]))) {
                conflicts.add("broadcast(" + args.get(i).name + ") conflicts with the derived partition of "
                        + args.get(i).name);
            }
        }

        // The key class: the largest bound store outside derived classes.
        int key = -1;
        long keyVolume = -1;
        for (int i = 0; i < n; i++) {
            StoreArg a = args.get(i);
            if (classDerived[classOf[i]] || a.unbound()) {
                continue;
            }
            long v = a.store.volume();
            if (v > keyVolume) {
                key = i;
                keyVolume = v;
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PartitioningException(task.toString(), conflicts);
        }

        Shape launch;
        Partition keyPart = null;
        if (key < 0) {
            launch = Shape.of(1);
        } else {
            int kc = classOf[key];
            boolean[] noSplit = new boolean[args.get(key).store.ndim()];
            for (int i = 0; i < n; i++) {
                if (classOf[i] == kc) {
                    if (bcastAll[i]) {
                        Arrays.fill(noSplit, true);
                    }
                    for (int d = 0; d < noSplit.length && d < bcast[i].length; d++) {
                        noSplit[d] |= bcast[i][d];
                    }
                }
            }
            StoreImpl ks = args.get(key).store;
            keyPart = ks.cachedKeyPartition(noSplit, procs);
            if (keyPart == null) {
                keyPart = tile(ks.shape(), noSplit, procs, minTileVolume, granule);
                ks.cacheKeyPartition(keyPart);
            }
            launch = keyPart.colorShape();
        }
        boolean single = launch.volume() == 1;
        for (int i = 0; i < n; i++) {
            StoreArg a = args.get(i);
            if (a.unbound() || classDerived[classOf[i]]) {
                continue;
            }
            Shape s = a.store.shape();
            if (single) {
                a.partition = new Replication(s, launch);
            } else if (classOf[i] == classOf[key]) {
                a.partition = keyPart;
            } else if (bcastAll[i]) {
                a.partition = new Replication(s, launch);
            } else if (s.equals(keyPart.storeShape()) && compatible((Tiling) keyPart, bcast[i])
                    && keyPart.colorShape().ndim() == s.ndim()) {
                a.partition = keyPart;
            } else if (a.privilege == Privilege.READ || a.privilege == Privilege.REDUCE) {
                a.partition = new Replication(s, launch);
            } else {
                conflicts.add("output " + a.name + " " + s + " is split " + launch.volume()
                        + " ways but is neither aligned with the key store " + args.get(key).name + " "
                        + keyPart.storeShape() + " nor derived from it; add an align or broadcast constraint");
            }
        }
        // Classes whose members got different static partitions must agree (implicit per class).
        for (int i = 0; i < n; i++) {
            StoreArg a = args.get(i);
            if (a.partition != null && a.privilege == Privilege.REDUCE) {
                a.foldPartials = !a.partition.isDisjoint();
            } else if (a.partition != null && a.privilege.writes() && !a.partition.isDisjoint()) {
                conflicts.add("output " + a.name + " is given whole to " + launch.volume()
                        + " point tasks, which would race; partition it or use a reduction");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PartitioningException(task.toString(), conflicts);
        }
        return new Plan(launch, args, classOf, derivations);
    }

    private static boolean compatible(Tiling t, boolean[] noSplit) {
        for (int d = 0; d < noSplit.length; d++) {
            if (noSplit[d] && t.splits(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A tiling of {@code shape} into at most {@code procs} tiles of at least {@code minVolume}
     * elements, not cutting {@code noSplit} dims, with cuts in the last dimension on multiples of
     * {@code granule}. Colors go to the dimensions with the largest extent per color.
     */
    static Tiling tile(Shape shape, boolean[] noSplit, int procs, long minVolume, long granule) {
        int nd = shape.ndim();
        long vol = shape.volume();
        long target = Math.max(1, Math.min(procs, vol / Math.max(1, minVolume)));
        long[] colors = new long[nd];
        Arrays.fill(colors, 1);
        long left = target;
        for (long f : factor(left)) {
            int best = -1;
            double bestRatio = 1;
            for (int d = 0; d < nd; d++) {
                if (noSplit[d]) {
                    continue;
                }
                long unit = d == nd - 1 ? Math.max(1, granule) : 1;
                long maxColors = Math.max(1, shape.extent(d) / unit);
                if (colors[d] * f > maxColors) {
                    continue;
                }
                double ratio = (double) shape.extent(d) / colors[d];
                if (ratio > bestRatio) {
                    best = d;
                    bestRatio = ratio;
                }
            }
            if (best >= 0) {
                colors[best] *= f;
            }
        }
        long[][] b = new long[nd][];
        for (int d = 0; d < nd; d++) {
            long ext = shape.extent(d);
            long unit = d == nd - 1 && colors[d] > 1 ? Math.max(1, granule) : 1;
            long t = (ext + colors[d] - 1) / colors[d];
            t = (t + unit - 1) / unit * unit;
            int k = (int) Math.max(1, (ext + t - 1) / Math.max(1, t));
            b[d] = new long[k + 1];
            for (int i = 0; i <= k; i++) {
                b[d][i] = Math.min(ext, i * t);
            }
            if (ext == 0) {
                b[d] = new long[] {0, 0};
            }
        }
        return Tiling.ofBoundaries(shape, b);
    }

    private static List<Long> factor(long n) {
        List<Long> f = new ArrayList<>();
        for (long p = 2; p * p <= n; p++) {
            while (n % p == 0) {
                f.add(p);
                n /= p;
            }
        }
        if (n > 1) {
            f.add(n);
        }
        f.sort((x, y) -> Long.compare(y, x));
        return f;
    }

    private static boolean owns(Object owner, Variable v, int n, List<String> conflicts, Constraint c) {
        if (v.owner() != owner || v.index() < 0 || v.index() >= n) {
            conflicts.add(c + ": variable " + v + " belongs to another task");
            return false;
        }
        return true;
    }

    private static void addDerivation(List<Derivation> ds, int[] derivedBy, List<String> conflicts, Constraint c,
                                      Derivation d) {
        if (derivedBy[d.dst()] >= 0) {
            conflicts.add(c + ": the partition of its target is already derived by another constraint");
            return;
        }
        derivedBy[d.dst()] = ds.size();
        ds.add(d);
    }

    private static void checkCycles(List<Derivation> ds, int[] classOf, List<StoreArg> args, List<String> conflicts) {
        for (Derivation start : ds) {
            int cls = classOf[start.src()];
            int steps = 0;
            boolean moved = true;
            while (moved && steps <= ds.size()) {
                moved = false;
                for (Derivation d : ds) {
                    if (classOf[d.dst()] == cls) {
                        cls = classOf[d.src()];
                        moved = true;
                        steps++;
                        break;
                    }
                }
                if (cls == classOf[start.dst()]) {
                    conflicts.add("the partitions of " + args.get(start.dst()).name + " and "
                            + args.get(start.src()).name + " derive from each other (a cycle)");
                    return;
                }
            }
        }
    }

    private static boolean anyTrue(boolean[] a) {
        for (boolean b : a) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
