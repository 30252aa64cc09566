package dev.legate.cpu.internal;

import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.Provider;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** CPU processors sharing one host memory. */
final class CpuProvider implements Provider {
    private final HostMemory memory;
    private final List<CpuProcessor> processors = new ArrayList<>();

    CpuProvider(RuntimeConfig config) {
        int n = config.effectiveCpus();
        memory = new HostMemory(config.sysmem() == 0 ? Long.MAX_VALUE : config.sysmem(),
                Boolean.parseBoolean(config.options().getOrDefault("cpu.trackAllocations", "false")));
        for (int i = 0; i < n; i++) {
            processors.add(new CpuProcessor(i, memory));
        }
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public List<? extends ExecutionProcessor> processors() {
        return processors;
    }

    @Override
    public List<? extends MemorySpace> memories() {
        return List.of(memory);
    }

    @Override
    public void copy(Allocation src, long srcOffset, Allocation dst, long dstOffset, long bytes) {
        MemorySegment.copy(src.segment(), srcOffset, dst.segment(), dstOffset, bytes);
    }

    @Override
    public String describe() {
        return processors.size() + " CPU processor" + (processors.size() == 1 ? "" : "s") + " on "
                + Runtime.getRuntime().availableProcessors() + " cores; host memory "
                + (memory.capacity() == Long.MAX_VALUE ? "without limit" : "limited to " + (memory.capacity() >> 20) + " MiB");
    }

    @Override
    public void close() {
        for (CpuProcessor p : processors) {
            p.shutdown();
        }
        memory.closeSlabs();
    }
}
