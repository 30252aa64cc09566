package dev.legate.numeric.internal;

import dev.legate.numeric.NDArray;
import java.lang.invoke.MethodHandles;

/**
 * Lets internal code turn an {@link ArrayImpl} into the public {@link NDArray} and back without
 * making either direction public API. {@code NDArray} installs the hooks when its class is
 * initialised.
 */
public final class Bridge {
    /** The two conversions. */
    public interface Hooks {
        NDArray wrap(ArrayImpl impl);

        ArrayImpl unwrap(NDArray array);
    }

    private static volatile Hooks hooks;

    private Bridge() {
    }

    /** Called once by {@code NDArray}. */
    public static void install(Hooks h) {
        hooks = h;
    }

    private static Hooks hooks() {
        Hooks h = hooks;
        if (h == null) {
            try {
                MethodHandles.lookup().ensureInitialized(NDArray.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            h = hooks;
        }
        return h;
    }

    /** The public array over {@code impl}. */
    public static NDArray wrap(ArrayImpl impl) {
        return hooks().wrap(impl);
    }

    /** The state behind {@code array}. */
    public static ArrayImpl unwrap(NDArray array) {
        return hooks().unwrap(array);
    }
}
