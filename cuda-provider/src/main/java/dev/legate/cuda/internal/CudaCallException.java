package dev.legate.cuda.internal;

import dev.legate.core.LegateException;
import jcuda.driver.CUresult;

/**
 * A CUDA driver call returned an error. The message names the call, its arguments that matter,
 * the device and the driver's error name; {@link #code()} is the {@code CUresult} value.
 */
public final class CudaCallException extends LegateException {
    private static final long serialVersionUID = 1L;
    private final int code;

    CudaCallException(String call, int code) {
        super(call + " failed: " + CUresult.stringFor(code) + " (" + code + ")");
        this.code = code;
    }

    /** The driver's {@code CUresult} code. */
    public int code() {
        return code;
    }
}
