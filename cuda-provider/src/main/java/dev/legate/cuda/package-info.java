/**
 * CUDA libraries for GPU variants of Legate libraries: dense matrix products through cuBLAS
 * ({@link dev.legate.cuda.Blas}) and run-time compilation of CUDA C++ with NVRTC
 * ({@link dev.legate.cuda.RuntimeCompiler}), both of CUDA 13 and called through
 * java.lang.foreign, on the task's stream of a {@link dev.legate.core.DeviceContext}.
 *
 * <p>A library that uses them declares {@code requires static dev.legate.cuda} and registers the
 * variants that call them only when the module is present at run time
 * ({@code ModuleLayer.boot().findModule("dev.legate.cuda")}, or the layer the library was loaded
 * in), so that a CPU-only image without this module still runs the library. Kernels a library
 * compiles ahead of time need none of this: they go through {@link dev.legate.core.DeviceContext}
 * alone.
 */
package dev.legate.cuda;
