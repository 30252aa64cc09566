/**
 * JCuda and JCusparse 12.6.0 (driver API, runtime API types, cuSPARSE) with their linux-x86_64
 * JNI libraries, as one explicit module. The upstream jars are automatic modules whose native
 * loader cannot find the natives jar on the module path, and jlink refuses automatic modules;
 * merged, they are one module that links into an image.
 *
 * <p>Native libraries: {@code jcuda.LibUtils} first tries {@code System.loadLibrary}, which in a
 * jlink image finds the copies the image keeps in its {@code lib/} folder; otherwise it extracts
 * {@code lib/*.so} from this module into {@code java.io.tmpdir}. The CUDA provider checks such an
 * extracted copy against the bundled one before JCuda loads it, which is why the {@code lib}
 * resources are open to it. {@code jcuda} is open to it so that it can read and make raw handles
 * ({@code NativePointerObject.nativePointer}) without JNI calls.
 *
 * <p>Run with {@code --enable-native-access=jcuda}. Left out: NVRTC and the NVPTX compiler, whose
 * natives need CUDA 12 libraries that CUDA 13 no longer ships.
 */
module jcuda {
    requires java.logging;

    exports jcuda;
    exports jcuda.driver;
    exports jcuda.runtime;
    exports jcuda.jcusparse;

    opens jcuda to dev.legate.cuda;
    opens lib to dev.legate.cuda;
}
