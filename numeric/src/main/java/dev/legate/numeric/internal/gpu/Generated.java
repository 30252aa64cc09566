package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.cuda.RuntimeCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Kernels generated at run time: CUDA C built from a program and a tile geometry, prefixed with
 * {@code prelude.cuh}, compiled once by NVRTC ({@link RuntimeCompiler}, which caches PTX per
 * source) and loaded once per GPU. A kernel is named by a key that determines its source (the kind
 * of kernel, the program text, the element types and the geometry's signature), so the source is
 * built only the first time a key is seen on a device.
 *
 * <p>Compiled with {@code --fmad=false} (no contraction of a multiply and an add into an FMA, which
 * would change the last bit relative to the CPU), IEEE division and square root, and no flushing of
 * subnormals.
 */
final class Generated {
    private static final ConcurrentHashMap<String, String> MODULES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();
    private static volatile String prelude;

    /** Turns a complete source into PTX. */
    @FunctionalInterface
    interface Compiler {
        /** The PTX of {@code source} (named {@code name} in messages) compiled with {@code options}. */
        byte[] ptx(String source, String name, List<String> options);
    }

    /**
     * The compiler of generated sources: NVRTC through {@link RuntimeCompiler}, which caches PTX per
     * source. Tests on machines without NVRTC replace it to capture the sources; nothing else does.
     */
    static volatile Compiler compiler = (source, name, options) -> RuntimeCompiler.ptx(source, name, options);

    private Generated() {
    }

    /** The options NVRTC compiles with for {@code d}'s GPU. */
    static List<String> options(DeviceContext d) {
        DeviceContext.DeviceProperties p = d.properties();
        return List.of("--gpu-architecture=compute_" + p.computeMajor() + p.computeMinor(), "--std=c++17",
                "--fmad=false", "--prec-div=true", "--prec-sqrt=true", "--ftz=false");
    }

    /**
     * Function {@code function} of the source that {@code source} builds (without the prelude) for
     * {@code key}, compiled and loaded on {@code d}'s GPU at the first use of the key there.
     */
    static DeviceContext.Kernel kernel(DeviceContext d, String key, Supplier<String> source, String function) {
        String module = MODULES.computeIfAbsent(key, k -> "legate.numeric.gen" + NEXT.incrementAndGet());
        return d.kernel(module, () -> compiler.ptx(prelude() + source.get(), module, options(d)), function);
    }

    /** The device helpers every generated source starts with. */
    static String prelude() {
        String p = prelude;
        if (p == null) {
            try (InputStream in = Generated.class.getResourceAsStream("prelude.cuh")) {
                if (in == null) {
                    throw new IllegalStateException("resource prelude.cuh is missing from module dev.legate.numeric");
                }
                p = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource prelude.cuh", e);
            }
            prelude = p;
        }
        return p;
    }
}
