package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.NDArray;

/** Value types of sparse matrices: float32 and float64; other numbers become float64. */
final class Dtypes {
    private Dtypes() {
    }

    /** The value type that {@code t} is stored as. */
    static DType valueType(DType t) {
        if (t.code() == TypeCode.FLOAT32 || t.code() == TypeCode.FLOAT64) {
            return t;
        }
        if (t.code().isInteger() || t.code() == TypeCode.BOOL || t.code() == TypeCode.FLOAT16) {
            return DType.FLOAT64;
        }
        throw new TypeMismatchException("sparse matrices hold float32 or float64 values, got " + t.name());
    }

    /** The common value type of two operands. */
    static DType promote(DType a, DType b) {
        DType x = valueType(a);
        DType y = valueType(b);
        return x.code() == TypeCode.FLOAT32 && y.code() == TypeCode.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** {@code a} as {@code t}, without a copy when it already is. */
    static NDArray as(NDArray a, DType t) {
        return a.dtype().equals(t) ? a : a.astype(t);
    }
}
