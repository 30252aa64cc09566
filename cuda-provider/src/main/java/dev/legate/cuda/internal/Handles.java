package dev.legate.cuda.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;

/**
 * Raw addresses to and from JCuda's pointer objects. JCuda keeps a handle's value in the private
 * field {@code NativePointerObject.nativePointer}; the {@code jcuda} module opens its package to
 * this one so that a device or host address can become a pointer argument without a JNI call or
 * a direct buffer (which cannot exceed 2 GiB). JCuda treats a pointer whose native value is set
 * as native memory, which its asynchronous copies require.
 *
 * <p>Public for the self-test's measurements; the package is not exported.
 */
public final class Handles {
    private static final VarHandle NATIVE_POINTER = field(NativePointerObject.class, "nativePointer");
    private static final VarHandle BYTE_OFFSET = field(Pointer.class, "byteOffset");

    private Handles() {
    }

    private static VarHandle field(Class<?> owner, String name) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, long.class);
        } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
            throw new IllegalStateException("cannot reach " + owner.getName() + "." + name
                    + "; the jcuda module must open package jcuda to dev.legate.cuda", e);
        }
    }

    /** The address a JCuda handle or pointer stands for. */
    public static long address(NativePointerObject handle) {
        long a = (long) NATIVE_POINTER.get(handle);
        return handle instanceof Pointer p ? a + (long) BYTE_OFFSET.get(p) : a;
    }

    /** A device pointer to {@code address}. */
    public static CUdeviceptr device(long address) {
        CUdeviceptr p = new CUdeviceptr();
        NATIVE_POINTER.set(p, address);
        return p;
    }

    /** A host pointer to {@code address} (memory JCuda must not move or free). */
    public static Pointer host(long address) {
        Pointer p = new Pointer();
        NATIVE_POINTER.set(p, address);
        return p;
    }
}
