package dev.legate.core.internal;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.Library;
import dev.legate.core.LegateException;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalArray;
import dev.legate.core.LogicalStore;
import dev.legate.core.Machine;
import dev.legate.core.ManualTask;
import dev.legate.core.Memory;
import dev.legate.core.MemoryKind;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Point;
import dev.legate.core.Processor;
import dev.legate.core.ProcessorKind;
import dev.legate.core.ProviderUnavailableException;
import dev.legate.core.Rect;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Scalar;
import dev.legate.core.Scope;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TaskException;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskId;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.UnknownTaskException;
import dev.legate.core.Version;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.Provider;
import dev.legate.core.spi.ProviderFactory;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The runtime: start-up, store creation, the operation window, dependence analysis and
 * dispatch, host synchronisation and shutdown.
 *
 * <p>Overview: operations enter a window under {@code lock}. A flush launches them in program
 * order, still under the lock: each becomes graph nodes whose edges come from
 * {@link Dependences} and {@link Coherence}; ready nodes go to their processor, or run on the
 * calling thread when they are single-point CPU tasks. Finishing nodes release their successors
 * on the processor threads without taking the lock. Host reads flush, then wait for the nodes
 * that write what they read.
 */
public final class RuntimeImpl implements LegateRuntime {
    private final RuntimeConfig config;
    private final List<Provider> providers;
    private final Machine machine;
    private final List<ExecutionProcessor> cpus = new ArrayList<>();
    private final List<ExecutionProcessor> gpus = new ArrayList<>();
    private final MemorySpace hostMemory;
    private final Map<MemorySpace, Provider> owners = new LinkedHashMap<>();
    private final Map<MemorySpace, ExecutionProcessor> copyProcessors = new LinkedHashMap<>();
    private final boolean multiMemory;
    private final Map<String, LibraryImpl> libraries = new LinkedHashMap<>();
    private final Builtins builtins;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayList<Operation> window = new ArrayList<>();
    private final Cleaner cleaner = Cleaner.create();
    private final LeakTracker leaks = new LeakTracker();
    private final AtomicLong outstanding = new AtomicLong();
    private final Object idle = new Object();
    private final ConcurrentLinkedQueue<TaskException> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong storageIds = new AtomicLong();
    private final AtomicLong opIds = new AtomicLong();
    private final Tracer tracer;
    private final Residency residency;
    private final ThreadLocal<ScopeState> scope = new ThreadLocal<>();
    private final ScopeState wholeMachine;
    private final Map<Class<?>, Object> annotated = new ConcurrentHashMap<>();
    private int roundRobin;
    private long smallLaunches;
    private volatile boolean closed;

    private RuntimeImpl(RuntimeConfig config, List<LegateLibrary> libs, List<Provider> providers,
                        Map<String, String> unavailable) {
        this.config = config;
        this.providers = providers;
        List<Processor> procs = new ArrayList<>();
        List<Memory> mems = new ArrayList<>();
        MemorySpace host = null;
        for (Provider p : providers) {
            for (ExecutionProcessor e : p.processors()) {
                (e.kind() == ProcessorKind.CPU ? cpus : gpus).add(e);
                copyProcessors.putIfAbsent(e.memory(), e);
            }
            for (MemorySpace m : p.memories()) {
                owners.put(m, p);
                mems.add(m);
                if (host == null && m.kind() == MemoryKind.HOST) {
                    host = m;
                }
            }
        }
        if (cpus.isEmpty() || host == null) {
            throw Bootstrap.noCpus(unavailable);
        }
        procs.addAll(cpus);
        procs.addAll(gpus);
        this.hostMemory = host;
        host.addFreeListener(block -> {
            for (Provider p : providers) {
                p.hostBlockFreed(block);
            }
        });
        this.wholeMachine = new ScopeState(List.copyOf(cpus), List.copyOf(gpus), "");
        this.multiMemory = mems.size() > 1;
        this.machine = new Machine(procs, mems, unavailable);
        Map<MemorySpace, ExecutionProcessor> devices = new LinkedHashMap<>();
        copyProcessors.forEach((m, p) -> {
            if (m != hostMemory) {
                devices.put(m, p);
            }
        });
        this.residency = new Residency(this, devices);
        this.tracer = new Tracer(config.profile());
        LibraryImpl core = new LibraryImpl(this, Builtins.LIBRARY, CORE_API_VERSION, "module dev.legate.core");
        libraries.put(core.name(), core);
        Map<ProcessorKind, TaskBody> gpuFill = new java.util.EnumMap<>(ProcessorKind.class);
        Map<ProcessorKind, TaskBody> gpuCopy = new java.util.EnumMap<>(ProcessorKind.class);
        for (Provider p : providers) {
            if (!p.processors().isEmpty() && p.processors().get(0).kind() == ProcessorKind.GPU) {
                TaskBody f = p.coreVariants().get("fill");
                TaskBody c = p.coreVariants().get("copy");
                if (f != null) {
                    gpuFill.put(ProcessorKind.GPU, f);
                }
                if (c != null) {
                    gpuCopy.put(ProcessorKind.GPU, c);
                }
            }
        }
        this.builtins = new Builtins(core, gpuFill, gpuCopy);
        for (LegateLibrary l : libs) {
            LibraryImpl impl = new LibraryImpl(this, l.name(), l.version(), Bootstrap.origin(l));
            l.register(impl);
            libraries.put(l.name(), impl);
        }
    }

    /** Starts a runtime: providers, machine, libraries found with ServiceLoader. */
    public static RuntimeImpl start(RuntimeConfig config) {
        ModuleLayer layer = Bootstrap.pluginLayer(config);
        return start(config, Bootstrap.load(ProviderFactory.class, layer), Bootstrap.libraries(layer));
    }

    /**
     * Starts a runtime with the given providers and libraries instead of those ServiceLoader
     * finds; for tests inside this module.
     */
    public static RuntimeImpl start(RuntimeConfig config, List<ProviderFactory> factories,
                                    List<LegateLibrary> libs) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<Provider> providers = Bootstrap.providers(config, factories, unavailable);
        try {
            return new RuntimeImpl(config, libs, providers, unavailable);
        } catch (RuntimeException e) {
            for (Provider p : providers) {
                p.close();
            }
            throw e;
        }
    }

    // ---- accessors -------------------------------------------------------------------------

    @Override
    public RuntimeConfig config() {
        return config;
    }

    @Override
    public Machine machine() {
        return machine;
    }

    @Override
    public List<Library> libraries() {
        return List.copyOf(libraries.values());
    }

    @Override
    public Library library(String name) {
        LibraryImpl l = libraries.get(name);
        if (l == null) {
            throw new UnknownTaskException("no library '" + name + "' is loaded; loaded: " + libraries.keySet());
        }
        return l;
    }

    /** Registers a library after start-up (annotated task interfaces). */
    LibraryImpl addLibrary(String name, Version version, String origin) {
        synchronized (libraries) {
            return libraries.computeIfAbsent(name, n -> new LibraryImpl(this, n, version, origin));
        }
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    Cleaner cleaner() {
        return cleaner;
    }

    LeakTracker leakTracker() {
        return leaks;
    }

    Residency residency() {
        return residency;
    }

    long nextOpId() {
        return opIds.incrementAndGet();
    }

    int nextRoundRobin() {
        return roundRobin++;
    }

    // ---- creation --------------------------------------------------------------------------

    private Storage newStorage(DType type, long[] shape, boolean bitmap) {
        checkOpen();
        Storage s = new Storage(this, storageIds.incrementAndGet(), type, shape, bitmap);
        if (multiMemory) {
            s.coherence = new Coherence();
        }
        return s;
    }

    @Override
    public LogicalStore createStore(DType type, Shape shape) {
        if (!type.isFixedSize()) {
            throw new TypeMismatchException("stores hold fixed-size elements; " + type.name()
                    + " needs createStringArray");
        }
        return new StoreImpl(newStorage(type, shape.extents(), false), StoreView.identity(shape.extents()));
    }

    @Override
    public LogicalStore createUnboundStore(DType type) {
        if (!type.isFixedSize()) {
            throw new TypeMismatchException("unbound stores hold fixed-size elements, not " + type.name());
        }
        return new StoreImpl(newStorage(type, null, false), null);
    }

    @Override
    public LogicalStore createScalarStore(Scalar value) {
        LogicalStore s = createStore(value.type(), Shape.of());
        s.update(p -> value.write(p.segment(), p.origin() * value.type().size()));
        return s;
    }

    @Override
    public LogicalStore createBitmap(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("bitmap length must be >= 0, got " + length);
        }
        StoreImpl bitmap = new StoreImpl(newStorage(DType.BOOL, new long[] {length}, true),
                StoreView.identity(new long[] {length}));
        fill(bitmap, Scalar.of(true));
        return bitmap;
    }

    @Override
    public LogicalArray createArray(DType type, Shape shape, boolean nullable) {
        LogicalStore data = createStore(type, shape);
        if (!nullable) {
            return LogicalArray.of(data);
        }
        if (shape.ndim() != 1) {
            throw new ShapeMismatchException("nullable arrays are 1-d, got shape " + shape);
        }
        return LogicalArray.nullable(data, createBitmap(shape.extent(0)));
    }

    @Override
    public LogicalArray createStringArray(List<String> values) {
        return StringArrays.create(this, values);
    }

    @Override
    public AutoTask createTask(TaskId task) {
        return new AutoTaskImpl(this, lookup(task));
    }

    @Override
    public ManualTask createTask(TaskId task, Shape launchShape) {
        return new ManualTaskImpl(this, lookup(task), launchShape);
    }

    private RegisteredTask lookup(TaskId task) {
        checkOpen();
        LibraryImpl l = libraries.get(task.library());
        if (l == null) {
            throw new UnknownTaskException("task " + task + " names library '" + task.library()
                    + "', which is not loaded; loaded: " + libraries.keySet());
        }
        return l.lookup(task);
    }

    @Override
    public void fill(LogicalStore store, Scalar value) {
        Scalar v = value;
        if (!value.type().equals(store.type())) {
            if (!value.type().isFixedSize() || !store.type().isFixedSize() || store.type() instanceof DType.Struct) {
                throw new TypeMismatchException("cannot fill a " + store.type().name() + " store with a "
                        + value.type().name() + " value");
            }
            v = value.cast(store.type());
        }
        AutoTask t = createTask(builtins.fill);
        t.addOutput(store);
        t.addScalar(v);
        t.execute();
    }

    @Override
    public void copy(LogicalStore src, LogicalStore dst) {
        if (!src.type().equals(dst.type())) {
            throw new TypeMismatchException("copy from " + src.type().name() + " to " + dst.type().name());
        }
        if (!src.shape().equals(dst.shape())) {
            throw new ShapeMismatchException("copy from shape " + src.shape() + " to shape " + dst.shape());
        }
        AutoTask t = createTask(builtins.copy);
        var a = t.addInput(src);
        var b = t.addOutput(dst);
        t.addConstraint(Constraint.align(a, b));
        t.execute();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T tasks(Class<T> tasks) {
        checkOpen();
        return (T) annotated.computeIfAbsent(tasks, c -> AnnotatedTasks.create(this, c));
    }

    // ---- submission ------------------------------------------------------------------------

    void submitAuto(RegisteredTask task, List<StoreArg> args, List<ArrayArg> inputs, List<ArrayArg> outputs,
                    List<ArrayArg> reductions, List<Scalar> scalars, List<Constraint> constraints, Object owner) {
        task.signature().check(task.id(), inputs.size(), outputs.size(), reductions.size(), scalars.size());
        ScopeState sc = currentScope();
        ProcessorKind kind = kindFor(task, sc);
        List<ExecutionProcessor> procs = sc.processors(kind);
        countWrites(args);
        boolean waitsForSizes = false;
        for (StoreArg a : args) {
            waitsForSizes |= !a.unbound() && a.store.isUnbound();
        }
        if (kind == ProcessorKind.CPU && config.inlineSmallTasks() && !multiMemory && !tracer.enabled()) {
            Shape small = SmallLaunch.plan(owner, args, constraints, procs.size(), config.minTileVolume());
            if (small != null && runSmall(task, sc.provenance, small, args, inputs, outputs, reductions, scalars,
                    procs)) {
                return;
            }
        }
        List<Constraint> cs = List.copyOf(constraints);
        java.util.function.Supplier<Solver.Plan> solve = () -> Solver.solve(task.id(), owner, args, cs,
                procs.size(), config.minTileVolume(), config.tileGranule());
        // A launch reading an unbound store is partitioned when it is launched, after the
        // producer has set the size, so that recording it does not wait.
        Solver.Plan plan = waitsForSizes ? null : solve.get();
        enqueue(new TaskOp(opIds.incrementAndGet(), task, sc.provenance, List.copyOf(args), List.copyOf(inputs),
                List.copyOf(outputs), List.copyOf(reductions), List.copyOf(scalars), plan, solve, kind, procs));
    }

    /**
     * Runs a one-point CPU launch on the calling thread at once when no earlier operation is
     * waiting in the window or in flight on its storages; false (and nothing done) otherwise.
     * Nothing that follows can depend on it (it has finished when this returns), so it records
     * no accesses; its writes still bump the storages' versions.
     */
    private boolean runSmall(RegisteredTask task, String provenance, Shape launch, List<StoreArg> args,
                             List<ArrayArg> inputs, List<ArrayArg> outputs, List<ArrayArg> reductions,
                             List<Scalar> scalars, List<ExecutionProcessor> procs) {
        lock.lock();
        try {
            checkOpen();
            if (!window.isEmpty() || outstanding.get() != 0 && SmallLaunch.inFlight(args)) {
                return false;
            }
            TaskOp op = new TaskOp(opIds.incrementAndGet(), task, provenance, args, inputs, outputs, reductions,
                    java.util.Collections.unmodifiableList(scalars), launch, ProcessorKind.CPU, procs);
            Rect[][] tiles = new Rect[args.size()][];
            for (int i = 0, n = args.size(); i < n; i++) {
                StoreArg a = args.get(i);
                a.layout();
                a.partition = new dev.legate.core.Replication(a.shape, launch);
                tiles[i] = new Rect[] {a.shape.rect()};
                if (a.privilege.writes()) {
                    a.store.storage().version++;
                }
            }
            op.tiles = tiles;
            int p = procs.size();
            ExecutionProcessor proc = p <= 1 ? procs.get(0) : procs.get(nextRoundRobin() % p);
            NodeGroup group = new NodeGroup(op.id, task.id());
            group.add(this, 1);
            PointTaskNode node = new PointTaskNode(this, group, op, 0, proc);
            node.releaseOne();
            smallLaunches++;
            runInline(node);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Launches that took the one-point path of {@link #runSmall} (analysis lock); for tests. */
    long smallLaunches() {
        return smallLaunches;
    }

    void submitManual(RegisteredTask task, Shape launch, List<StoreArg> args, List<ArrayArg> inputs,
                      List<ArrayArg> outputs, List<ArrayArg> reductions, List<Scalar> scalars) {
        task.signature().check(task.id(), inputs.size(), outputs.size(), reductions.size(), scalars.size());
        ScopeState sc = currentScope();
        ProcessorKind kind = kindFor(task, sc);
        countWrites(args);
        enqueue(new TaskOp(opIds.incrementAndGet(), task, sc.provenance, List.copyOf(args), List.copyOf(inputs),
                List.copyOf(outputs), List.copyOf(reductions), List.copyOf(scalars), launch, kind,
                sc.processors(kind)));
    }

    /** Counts the launch's writes in program order ({@link Storage#submittedWrites}). */
    private static void countWrites(List<StoreArg> args) {
        for (int i = 0, n = args.size(); i < n; i++) {
            StoreArg a = args.get(i);
            if (a.privilege.writes()) {
                a.store.storage().submittedWrites.incrementAndGet();
            }
        }
    }

    @Override
    public List<Processor> processorsFor(TaskId task) {
        checkOpen();
        RegisteredTask t = lookup(task);
        ScopeState sc = currentScope();
        return List.copyOf(sc.processors(kindFor(t, sc)));
    }

    private ProcessorKind kindFor(RegisteredTask task, ScopeState sc) {
        if (task.variant(ProcessorKind.GPU) != null && !sc.gpus.isEmpty()) {
            return ProcessorKind.GPU;
        }
        if (task.variant(ProcessorKind.CPU) != null && !sc.cpus.isEmpty()) {
            return ProcessorKind.CPU;
        }
        throw new ProviderUnavailableException("task " + task.id() + " has variants for " + task.variants().keySet()
                + " but the current scope has " + sc.cpus.size() + " CPUs and " + sc.gpus.size() + " GPUs"
                + (machine.unavailable().isEmpty() ? "" : "; unavailable providers: " + machine.unavailable()));
    }

    private void enqueue(Operation op) {
        lock.lock();
        try {
            checkOpen();
            window.add(op);
            if (window.size() >= config.windowSize() || outstanding.get() == 0) {
                flushLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushLocked() {
        RuntimeException first = null;
        while (!window.isEmpty()) {
            List<Operation> ops = new ArrayList<>(window);
            window.clear();
            for (Operation op : ops) {
                long t0 = tracer.enabled() ? System.nanoTime() : 0;
                try {
                    op.launch(this);
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
                if (op instanceof TaskOp t && tracer.enabled()) {
                    tracer.operation(t.name() + (t.provenance.isEmpty() ? "" : " [" + t.provenance + "]"), t.id, t0,
                            System.nanoTime());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            flushLocked();
        } finally {
            lock.unlock();
        }
    }

    // ---- graph -----------------------------------------------------------------------------

    void groupStarted() {
        outstanding.incrementAndGet();
    }

    void groupFinished() {
        if (outstanding.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    void dispatch(Node n) {
        if (n.processor == null) {
            runInline(n);
        } else {
            n.processor.execute(n);
        }
    }

    void runInline(Node n) {
        Throwable error = null;
        try {
            n.run(Optional.empty());
        } catch (Throwable t) {
            error = t;
        }
        n.completed(error);
    }

    /**
     * Releases the analysis guard of a launch's nodes and dispatches the ready ones. Nodes on
     * CPU processors go out as {@link LaunchBatch}es; others one by one (GPU processors report
     * completion asynchronously per node).
     */
    void releaseLaunch(Node[] nodes) {
        Node[] ready = new Node[nodes.length];
        int n = 0;
        for (Node x : nodes) {
            if (x.releaseOne()) {
                ready[n++] = x;
            }
        }
        if (n == 1) {
            dispatch(ready[0]);
            return;
        }
        int batched = 0;
        for (int i = 0; i < n; i++) {
            Node x = ready[i];
            if (x.processor == null) {
                runInline(x);
            } else if (!LaunchBatch.accepts(x.processor)) {
                x.processor.execute(x);
            } else {
                ready[batched++] = x;
            }
        }
        LaunchBatch.dispatch(this, ready, batched);
    }

    void release(Node n) {
        if (n.releaseOne()) {
            dispatch(n);
        }
    }

    CopyNode newCopy(Storage s, Rect rect, MemorySpace src, MemorySpace dst) {
        MemorySpace device = src == hostMemory ? dst : src;
        Provider p = owners.get(device);
        CopyNode c = new CopyNode(this, new NodeGroup(opIds.incrementAndGet(), "copy"), s, rect, src, dst, p);
        c.processor = copyProcessors.get(device);
        return c;
    }

    /** Adds a node that finishes an operation on the host (fold, assembly) after {@code preds}. */
    void addFinisher(Node node, Node[] preds, Rect root, Storage s) {
        node.processor = cpus.get(nextRoundRobin() % cpus.size());
        for (Node p : preds) {
            p.addSuccessor(node);
        }
        Dependences.analyze(s, node.group, new Node[] {node}, new Rect[] {root}, true);
        if (s.coherence != null) {
            if (node instanceof FoldNode) {
                s.coherence.read(this, s, root, hostMemory, node);
            }
            s.coherence.write(root, hostMemory, node);
        }
        s.version++;
        release(node);
    }

    void recordFailure(Node n, Throwable t) {
        if (n instanceof PointTaskNode p) {
            errors.add(new TaskException(p.taskId.library(), p.taskId.name(), p.taskPoint(), t));
        } else {
            errors.add(new TaskException(Builtins.LIBRARY, n.label(), Point.zero(0), t));
        }
    }

    void trace(Node n) {
        if (tracer.enabled()) {
            tracer.node(n, n.processor == null ? "host" : n.processor.name());
        }
    }

    // ---- synchronisation -------------------------------------------------------------------

    @Override
    public void fence() {
        flush();
        awaitIdle();
        throwErrors();
    }

    private void awaitIdle() {
        boolean interrupted = false;
        synchronized (idle) {
            while (outstanding.get() != 0) {
                try {
                    idle.wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwErrors() {
        TaskException first = errors.poll();
        if (first == null) {
            return;
        }
        TaskException more;
        while ((more = errors.poll()) != null) {
            first.addSuppressed(more);
        }
        throw first;
    }

    void flushAndWaitBound(Storage s) {
        flush();
        try {
            s.awaitBound();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LegateException("interrupted while waiting for the size of " + s, e);
        }
        throwErrors();
    }

    /** Maps a store for reading on the host, after the writers of what it reads. */
    PhysicalStore readOnHost(StoreImpl s) {
        PhysicalStore p;
        lock.lock();
        try {
            flushLocked();
            p = readOnHostLocked(s);
        } finally {
            lock.unlock();
        }
        throwErrors();
        return p;
    }

    /** As {@link #readOnHost} without flushing; the caller holds the lock. */
    PhysicalStore readOnHostLocked(StoreImpl s) {
        Storage st = s.storage();
        if (!st.isBound()) {
            try {
                st.awaitBound();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LegateException("interrupted while waiting for " + st, e);
            }
        }
        StoreView v = s.view();
        Shape shape = s.shape();
        Rect root = v.isIdentity() ? shape.rect() : v.rootBounds(shape.rect());
        awaitAccesses(st, root, false);
        if (st.coherence != null) {
            BarrierNode b = new BarrierNode(this, new NodeGroup(opIds.incrementAndGet(), "host read"));
            st.coherence.read(this, st, root, hostMemory, b);
            release(b);
            b.await();
        }
        StoreImpl.Layout l = s.layout();
        return new PhysicalStore(st.type, shape, shape.rect(), st.instance(hostMemory).segment(), 0, l.base(),
                l.strides(), false, Optional.empty(), st.bitmap);
    }

    /** Waits for the unfinished accesses to {@code root} that write it (or all, with {@code all}). */
    private void awaitAccesses(Storage st, Rect root, boolean all) {
        List<Node> wait = new ArrayList<>();
        for (OpAccess a : st.accesses) {
            if (!a.group.isDone() && (all || a.write) && a.bounds.overlaps(root)) {
                a.forEachOverlap(root, i -> wait.add(a.nodes[i]));
            }
        }
        for (Node n : wait) {
            n.await();
        }
    }

    /** Lets {@code writer} write a whole store on the host once nothing else uses it. */
    void writeOnHost(StoreImpl s, Consumer<PhysicalStore> writer) {
        lock.lock();
        try {
            flushLocked();
            Storage st = s.storage();
            if (!st.isBound()) {
                throw new IllegalStateException("cannot write " + s + " on the host: it is unbound");
            }
            StoreView v = s.view();
            Rect root = v.rootBounds(s.shape().rect());
            awaitAccesses(st, root, true);
            if (st.coherence != null) {
                BarrierNode b = new BarrierNode(this, new NodeGroup(opIds.incrementAndGet(), "host write"));
                st.coherence.read(this, st, st.rootRect(), hostMemory, b);
                release(b);
                b.await();
                st.coherence.write(root, hostMemory, null);
            }
            st.version++;
            st.submittedWrites.incrementAndGet();
            long[] rs = st.rootStrides();
            writer.accept(new PhysicalStore(st.type, s.shape(), s.shape().rect(), st.instance(hostMemory).segment(), 0,
                    v.baseOffset(rs), v.strides(rs), true, Optional.empty(), st.bitmap));
        } finally {
            lock.unlock();
        }
        throwErrors();
    }

    // ---- scopes ----------------------------------------------------------------------------

    private record ScopeState(List<ExecutionProcessor> cpus, List<ExecutionProcessor> gpus, String provenance) {
        List<ExecutionProcessor> processors(ProcessorKind k) {
            return k == ProcessorKind.CPU ? cpus : gpus;
        }
    }

    private ScopeState currentScope() {
        ScopeState s = scope.get();
        return s != null ? s : wholeMachine;
    }

    @Override
    public ScopeBuilder scope() {
        return new ScopeBuilder() {
            private ScopeState next = currentScope();

            @Override
            public ScopeBuilder processors(ProcessorKind kind, int from, int to) {
                List<ExecutionProcessor> all = next.processors(kind);
                if (from < 0 || to > all.size() || from >= to) {
                    throw new IllegalArgumentException("scope asks for " + kind + " processors [" + from + ", " + to
                            + ") but the enclosing scope has " + all.size());
                }
                List<ExecutionProcessor> sub = List.copyOf(all.subList(from, to));
                next = kind == ProcessorKind.CPU ? new ScopeState(sub, next.gpus, next.provenance)
                        : new ScopeState(next.cpus, sub, next.provenance);
                return this;
            }

            @Override
            public ScopeBuilder provenance(String name) {
                next = new ScopeState(next.cpus, next.gpus, name);
                return this;
            }

            @Override
            public Scope open() {
                ScopeState outer = scope.get();
                scope.set(next);
                Thread owner = Thread.currentThread();
                return () -> {
                    if (Thread.currentThread() != owner) {
                        throw new IllegalStateException("a scope must be closed by the thread that opened it");
                    }
                    scope.set(outer);
                };
            }
        };
    }

    // ---- description and shutdown ----------------------------------------------------------

    @Override
    public String describe() {
        return Describe.text(this, providers, libraries.values());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the runtime is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        RuntimeException pending = null;
        try {
            fence();
        } catch (RuntimeException e) {
            pending = e;
        }
        closed = true;
        leaks.releaseAll();
        List<String> leaked = new ArrayList<>();
        for (Provider p : providers) {
            for (MemorySpace m : p.memories()) {
                m.trim();
                leaked.addAll(m.leaks());
            }
            p.close();
        }
        try {
            tracer.write();
        } catch (RuntimeException e) {
            pending = pending == null ? e : pending;
        }
        if (!leaked.isEmpty()) {
            System.err.println("legate: " + leaked.size() + " allocation(s) were not returned at close:\n  "
                    + String.join("\n  ", leaked));
        }
        if (pending != null) {
            throw pending;
        }
    }

    /** Closes, logging instead of throwing (for the shutdown hook). */
    public void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("legate: error while closing the runtime: " + e);
        }
    }

    MemorySpace hostMemory() {
        return hostMemory;
    }

    /** The provider owning {@code memory}. */
    Provider providerOf(MemorySpace memory) {
        return owners.get(memory);
    }

    List<ExecutionProcessor> cpuProcessors() {
        return cpus;
    }
}
