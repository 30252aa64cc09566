package dev.legate.numeric.internal;

import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskBody;
import dev.legate.core.Version;
import dev.legate.core.VersionRange;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.TaskRegistry;
import dev.legate.numeric.internal.gpu.GpuSupport;
import dev.legate.numeric.internal.tasks.NumericTask;
import java.util.Map;

/** The numeric library as the runtime sees it: its name, versions and tasks. */
public final class NumericLibrary implements LegateLibrary {
    /** The library's name. */
    public static final String NAME = "numeric";

    /** Made by {@link java.util.ServiceLoader}. */
    public NumericLibrary() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Version version() {
        return new Version(0, 1, 0);
    }

    @Override
    public VersionRange coreApi() {
        return VersionRange.parse("[1.0,2.0)");
    }

    /** Registers every task's CPU body and, where GPUs and the CUDA module are present, its GPU body. */
    @Override
    public void register(TaskRegistry registry) {
        Map<NumericTask, TaskBody> gpu = GpuSupport.variants(registry);
        for (NumericTask t : NumericTask.values()) {
            TaskBody g = gpu.get(t);
            registry.register(t.taskName(), t.signature(), g == null ? Map.of(ProcessorKind.CPU, t.body())
                    : Map.of(ProcessorKind.CPU, t.body(), ProcessorKind.GPU, g));
        }
    }
}
