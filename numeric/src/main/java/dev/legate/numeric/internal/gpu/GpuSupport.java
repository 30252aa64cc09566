package dev.legate.numeric.internal.gpu;

import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskBody;
import dev.legate.core.spi.TaskRegistry;
import dev.legate.numeric.internal.tasks.NumericTask;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether numeric registers GPU variants: only when the runtime has GPU processors and
 * module {@code dev.legate.cuda} (which numeric {@code requires static}) is present and readable,
 * so a CPU-only image, which lacks that module, never loads a class that needs it (nor JCuda).
 * This class itself refers to nothing of {@code dev.legate.cuda}.
 *
 * <p>Tasks without a GPU variant (scans, sorting, gathers and scatters, selections, dense
 * factorizations) run on CPUs also when GPUs are present; the runtime moves their data.
 */
public final class GpuSupport {
    private static final String CUDA_MODULE = "dev.legate.cuda";

    private GpuSupport() {
    }

    /**
     * The GPU bodies to register beside the CPU ones; empty without GPUs. When GPUs are present but
     * some variants cannot be offered (no CUDA module, NVRTC or cuBLAS), says why on standard error
     * and leaves those tasks on CPUs.
     */
    public static Map<NumericTask, TaskBody> variants(TaskRegistry registry) {
        if (!registry.hasProcessors(ProcessorKind.GPU)) {
            return Map.of();
        }
        Module self = GpuSupport.class.getModule();
        ModuleLayer layer = Optional.ofNullable(self.getLayer()).orElse(ModuleLayer.boot());
        Optional<Module> cuda = layer.findModule(CUDA_MODULE);
        if (cuda.isEmpty() || !self.canRead(cuda.get())) {
            System.err.println("numeric: GPU processors are present but module " + CUDA_MODULE + " is "
                    + (cuda.isEmpty() ? "not in the module layer" : "not readable by " + self.getName())
                    + "; numeric's tasks run on CPUs");
            return Map.of();
        }
        StringBuilder off = new StringBuilder();
        Map<NumericTask, TaskBody> m = GpuVariants.available(off);
        if (!off.isEmpty()) {
            System.err.println("numeric: some GPU variants are not registered (their tasks run on CPUs): " + off);
        }
        return m;
    }
}
