package dev.legate.core.internal;

import dev.legate.core.ProcessorKind;
import dev.legate.core.Rect;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import java.util.List;

/**
 * A recorded task launch, validated and waiting in the window. {@link #launch} turns it into
 * point tasks, analyses their dependences and hands the ready ones to processors.
 */
final class TaskOp implements Operation {
    final long id;
    final RegisteredTask task;
    final String provenance;
    final List<StoreArg> args;
    final List<ArrayArg> inputs;
    final List<ArrayArg> outputs;
    final List<ArrayArg> reductions;
    final List<Scalar> scalars;
    private Solver.Plan plan;
    private final java.util.function.Supplier<Solver.Plan> solver;
    private Shape launch;
    final ProcessorKind kind;
    final List<ExecutionProcessor> procs;
    /** Per store argument and color: the tile in store coordinates. */
    Rect[][] tiles;

    /** An auto-partitioned launch; {@code plan} is null when it must be solved at launch. */
    TaskOp(long id, RegisteredTask task, String provenance, List<StoreArg> args, List<ArrayArg> inputs,
           List<ArrayArg> outputs, List<ArrayArg> reductions, List<Scalar> scalars, Solver.Plan plan,
           java.util.function.Supplier<Solver.Plan> solver, ProcessorKind kind, List<ExecutionProcessor> procs) {
        this(id, task, provenance, args, inputs, outputs, reductions, scalars, plan, solver,
                plan == null ? null : plan.launch, kind, procs);
    }

    /** A manually partitioned launch. */
    TaskOp(long id, RegisteredTask task, String provenance, List<StoreArg> args, List<ArrayArg> inputs,
           List<ArrayArg> outputs, List<ArrayArg> reductions, List<Scalar> scalars, Shape launch, ProcessorKind kind,
           List<ExecutionProcessor> procs) {
        this(id, task, provenance, args, inputs, outputs, reductions, scalars, null, null, launch, kind, procs);
    }

    private TaskOp(long id, RegisteredTask task, String provenance, List<StoreArg> args, List<ArrayArg> inputs,
                   List<ArrayArg> outputs, List<ArrayArg> reductions, List<Scalar> scalars, Solver.Plan plan,
                   java.util.function.Supplier<Solver.Plan> solver, Shape launch, ProcessorKind kind,
                   List<ExecutionProcessor> procs) {
        this.id = id;
        this.task = task;
        this.provenance = provenance;
        this.args = args;
        this.inputs = inputs;
        this.outputs = outputs;
        this.reductions = reductions;
        this.scalars = scalars;
        this.plan = plan;
        this.solver = solver;
        this.launch = launch;
        this.kind = kind;
        this.procs = procs;
    }

    String name() {
        return task.id().toString();
    }

    Shape launchShape() {
        return launch;
    }

    @Override
    public void launch(RuntimeImpl rt) {
        if (plan == null && solver != null) {
            for (StoreArg a : args) {
                if (!a.unbound()) {
                    a.store.shape();
                }
            }
            plan = solver.get();
            launch = plan.launch;
        }
        if (plan != null) {
            plan.resolve(rt);
        }
        int colors = (int) launch.volume();
        rt.residency().beginLaunch(id);
        NodeGroup group = new NodeGroup(id, task.id());
        group.add(rt, colors);
        PointTaskNode[] nodes = new PointTaskNode[colors];
        tiles = new Rect[args.size()][];
        int p = procs.size();
        int rr = colors < p ? rt.nextRoundRobin() : 0;
        for (int c = 0; c < colors; c++) {
            ExecutionProcessor proc = colors >= p ? procs.get((int) ((long) c * p / colors)) : procs.get((c + rr) % p);
            nodes[c] = new PointTaskNode(rt, group, this, c, proc);
        }
        // Arguments with the same tiling share their tiles (Tiles.of), and so their bounds.
        Rect[] lastRoot = null;
        Rect lastBounds = null;
        for (StoreArg a : args) {
            if (a.unbound()) {
                continue;
            }
            a.layout();
            StoreView v = a.store.view();
            boolean identity = v.isIdentity();
            Rect[] t = Tiles.of(a.partition, launch, nodes, tiles, args, a.index);
            Rect[] root = t;
            if (!identity) {
                root = new Rect[colors];
                for (int c = 0; c < colors; c++) {
                    root[c] = v.rootBounds(t[c]);
                }
            }
            tiles[a.index] = t;
            if (a.privilege == Privilege.REDUCE && a.foldPartials) {
                continue;
            }
            Storage s = a.store.storage();
            Privilege priv = a.privilege == Privilege.REDUCE ? Privilege.READ_WRITE : a.privilege;
            if (root != lastRoot) {
                lastRoot = root;
                lastBounds = Dependences.bounds(root);
            }
            Dependences.analyze(s, group, nodes, root, lastBounds, priv.writes());
            if (s.coherence != null) {
                for (int c = 0; c < colors; c++) {
                    MemorySpace m = nodes[c].processor.memory();
                    if (!t[c].isEmpty()) {
                        rt.residency().use(s, m, nodes[c]);
                    }
                    // A write makes root[c] valid in m alone. Where root[c] is only the bounding
                    // box of the tile's image, the elements in its gaps keep their values, so m
                    // must hold them valid first, as for a read-write access.
                    if (priv.reads() || priv.writes() && !identity && !v.imageFillsBounds(t[c])) {
                        s.coherence.read(rt, s, root[c], m, nodes[c]);
                    }
                    if (priv.writes()) {
                        s.coherence.write(root[c], m, nodes[c]);
                    }
                }
            }
            if (priv.writes()) {
                s.version++;
            }
        }
        for (StoreArg a : args) {
            if (a.privilege == Privilege.REDUCE && a.foldPartials) {
                rt.addFinisher(new FoldNode(rt, new NodeGroup(id, name() + ".fold"), this, a, nodes), nodes,
                        union(tiles[a.index], a.store.view()), a.store.storage());
            } else if (a.unbound()) {
                rt.addFinisher(new AssembleNode(rt, new NodeGroup(id, name() + ".assemble"), this, a, nodes), nodes,
                        Rect.of1(0, Long.MAX_VALUE), a.store.storage());
            }
        }
        if (colors == 1) {
            if (nodes[0].releaseOne()) {
                if (kind == ProcessorKind.CPU && rt.config().inlineSmallTasks()) {
                    rt.runInline(nodes[0]);
                } else {
                    rt.dispatch(nodes[0]);
                }
            }
            return;
        }
        rt.releaseLaunch(nodes);
    }

    private static Rect union(Rect[] tiles, StoreView v) {
        Rect u = Dependences.bounds(tiles);
        return v.rootBounds(u == null ? tiles[0] : u);
    }
}
