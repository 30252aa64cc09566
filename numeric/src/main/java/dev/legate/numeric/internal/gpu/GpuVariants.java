package dev.legate.numeric.internal.gpu;

import dev.legate.core.TaskBody;
import dev.legate.cuda.Blas;
import dev.legate.cuda.RuntimeCompiler;
import dev.legate.numeric.internal.tasks.NumericTask;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GPU bodies of numeric's tasks. Loaded only where module {@code dev.legate.cuda} is readable
 * (see {@link GpuSupport}), since the bodies use its NVRTC and cuBLAS bindings.
 */
final class GpuVariants {
    private GpuVariants() {
    }

    /**
     * The GPU bodies that this machine supports, and in {@code off} why others are left out: the
     * generated kernels need NVRTC, matrix products of floats cuBLAS.
     */
    static Map<NumericTask, TaskBody> available(StringBuilder off) {
        Map<NumericTask, TaskBody> m = new EnumMap<>(NumericTask.class);
        m.put(NumericTask.RANDOM, RandomGpu::run);
        m.put(NumericTask.REDUCE_COMBINE, BlockReduceGpu::combine);
        m.put(NumericTask.ARG_INDEX, ScalarReduceGpu::argIndex);
        Optional<String> nvrtc = RuntimeCompiler.unavailableReason();
        if (nvrtc.isEmpty()) {
            m.put(NumericTask.ELEMENTWISE, ElementwiseGpu::run);
            m.put(NumericTask.REDUCE_BLOCKS, BlockReduceGpu::blocks);
            m.put(NumericTask.REDUCE_FULL, BlockReduceGpu::full);
            m.put(NumericTask.REDUCE_SCALAR, ScalarReduceGpu::scalar);
            m.put(NumericTask.REDUCE_AXIS, AxisReduceGpu::axis);
            m.put(NumericTask.REDUCE_ROW_BLOCKS, AxisReduceGpu::rowBlocks);
            m.put(NumericTask.ARG_FULL, ScalarReduceGpu::argFull);
            m.put(NumericTask.ARG_AXIS, AxisReduceGpu::argAxis);
        } else {
            off.append("element-wise, reduction and argmin/argmax kernels need NVRTC: ").append(nvrtc.get())
                    .append("; ");
        }
        Optional<String> cublas = Blas.unavailableReason();
        if (cublas.isEmpty()) {
            m.put(NumericTask.MATMUL, MatmulGpu::run);
        } else {
            off.append("matmul needs cuBLAS: ").append(cublas.get()).append("; ");
        }
        return m;
    }
}
