/**
 * Numeric: NumPy-like N-d arrays on the Legate runtime, the Java counterpart of cuPyNumeric.
 *
 * <p>With GPUs, numeric registers GPU variants of its element-wise, reduction, random and matrix
 * product tasks; their kernels are generated per expression and compiled at run time (NVRTC) or
 * hand-written and shipped as PTX. They need module {@code dev.legate.cuda} (NVRTC and cuBLAS), which
 * is optional: an image without it runs everything on CPUs and never loads it.
 */
module dev.legate.numeric {
    requires transitive dev.legate.core;
    requires jdk.incubator.vector;
    requires static dev.legate.cuda;

    exports dev.legate.numeric;

    provides dev.legate.core.spi.LegateLibrary with dev.legate.numeric.internal.NumericLibrary;
}
