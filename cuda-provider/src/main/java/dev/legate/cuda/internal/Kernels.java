package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import dev.legate.core.DeviceContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/**
 * The PTX modules loaded into one GPU's context, by name, and their functions. A module's PTX is
 * asked for and JIT-compiled by the driver once per context; later lookups are map reads.
 */
final class Kernels {
    /** A loaded function. */
    record Function(String module, String name, CUfunction handle) implements DeviceContext.Kernel {
    }

    private final GpuDevice device;
    private final Map<String, CUmodule> modules = new HashMap<>();
    private final Map<String, Function> functions = new HashMap<>();

    Kernels(GpuDevice device) {
        this.device = device;
    }

    /** The function {@code name} of module {@code module}, loading the module from {@code ptx} if needed. */
    synchronized Function function(String module, Supplier<byte[]> ptx, String name) {
        String key = module + '\0' + name;
        Function f = functions.get(key);
        if (f != null) {
            return f;
        }
        CUmodule m = modules.get(module);
        if (m == null) {
            byte[] text = ptx.get();
            if (text == null || text.length == 0) {
                throw new IllegalArgumentException("the PTX supplied for module '" + module + "' is empty");
            }
            byte[] terminated = text[text.length - 1] == 0 ? text : Arrays.copyOf(text, text.length + 1);
            CUmodule loaded = new CUmodule();
            device.withContext(() -> {
                Cuda.check(cuModuleLoadData(loaded, terminated), "cuModuleLoadData(module '" + module + "', "
                        + text.length + " bytes of PTX) on gpu " + device.ordinal);
                return null;
            });
            modules.put(module, loaded);
            m = loaded;
        }
        CUfunction handle = new CUfunction();
        CUmodule mod = m;
        device.withContext(() -> {
            Cuda.check(cuModuleGetFunction(handle, mod, name), "cuModuleGetFunction('" + name + "' in module '" + module
                    + "') on gpu " + device.ordinal);
            return null;
        });
        f = new Function(module, name, handle);
        functions.put(key, f);
        return f;
    }

    /** Unloads every module; at shutdown. */
    synchronized void close() {
        device.withContext(() -> {
            for (CUmodule m : modules.values()) {
                cuModuleUnload(m);
            }
            return null;
        });
        modules.clear();
        functions.clear();
    }
}
