package dev.legate.core.internal;

/**
 * One array argument of a task launch: the store arguments it is made of. Fixed-size arrays
 * have {@code data} (and {@code validity}); string arrays have the two views of their
 * offsets ({@code offLo = offsets[0:n]}, {@code offHi = offsets[1:n+1]}), {@code chars} and
 * maybe {@code validity}.
 */
final class ArrayArg {
    final ArrayImpl array;
    final StoreArg data;
    final StoreArg validity;
    final StoreArg offLo;
    final StoreArg offHi;
    final StoreArg chars;

    ArrayArg(ArrayImpl array, StoreArg data, StoreArg validity, StoreArg offLo, StoreArg offHi, StoreArg chars) {
        this.array = array;
        this.data = data;
        this.validity = validity;
        this.offLo = offLo;
        this.offHi = offHi;
        this.chars = chars;
    }

    /** The store argument whose partition gives the array's rows. */
    StoreArg primary() {
        return data != null ? data : offLo;
    }
}
