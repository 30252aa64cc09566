package dev.legate.core.internal;

import dev.legate.core.Library;
import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import dev.legate.core.UnknownTaskException;
import dev.legate.core.Version;
import dev.legate.core.spi.TaskRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** A loaded library: its registered tasks. Also the registry it registers them through. */
public final class LibraryImpl implements Library, TaskRegistry {
    private final String name;
    private final Version version;
    private final String origin;
    private final RuntimeImpl runtime;
    private final Map<String, RegisteredTask> byName = new ConcurrentHashMap<>();
    private final List<RegisteredTask> byId = Collections.synchronizedList(new ArrayList<>());

    LibraryImpl(RuntimeImpl runtime, String name, Version version, String origin) {
        this.runtime = runtime;
        this.name = name;
        this.version = version;
        this.origin = origin;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Version version() {
        return version;
    }

    /** Where the library was loaded from (module name or location). */
    String origin() {
        return origin;
    }

    @Override
    public TaskId task(String taskName) {
        RegisteredTask t = byName.get(taskName);
        if (t == null) {
            throw new UnknownTaskException("library '" + name + "' has no task '" + taskName + "'; it has "
                    + new TreeSet<>(byName.keySet()));
        }
        return t.id();
    }

    @Override
    public Set<String> taskNames() {
        return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    @Override
    public Set<ProcessorKind> variants(TaskId task) {
        return EnumSet.copyOf(lookup(task).variants().keySet());
    }

    RegisteredTask lookup(TaskId id) {
        if (!id.library().equals(name) || id.localId() < 0 || id.localId() >= byId.size()) {
            throw new UnknownTaskException("task " + id + " is not registered in library '" + name + "'");
        }
        RegisteredTask t = byId.get(id.localId());
        if (!t.id().equals(id)) {
            throw new UnknownTaskException("task " + id + " is not registered in library '" + name + "'");
        }
        return t;
    }

    @Override
    public synchronized TaskId register(String taskName, TaskSignature signature,
                                       Map<ProcessorKind, TaskBody> variants) {
        if (taskName == null || taskName.isBlank()) {
            throw new IllegalArgumentException("task name must not be empty (library '" + name + "')");
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("task " + name + "." + taskName + " needs at least one variant");
        }
        if (byName.containsKey(taskName)) {
            throw new IllegalArgumentException("library '" + name + "' already has a task '" + taskName + "'");
        }
        TaskId id = new TaskId(name, byId.size(), taskName);
        RegisteredTask t = new RegisteredTask(id, signature, variants);
        byId.add(t);
        byName.put(taskName, t);
        return id;
    }

    @Override
    public boolean hasProcessors(ProcessorKind kind) {
        return runtime.machine().count(kind) > 0;
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
