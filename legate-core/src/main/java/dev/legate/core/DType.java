package dev.legate.core;

import java.util.List;

/**
 * The element type of a store or array.
 *
 * <p>Primitive types are the constants of this interface; {@link #struct(List)} builds
 * fixed-size records and {@link #STRING} is the variable-size UTF-8 type. Every type knows
 * which {@link ReductionOp}s apply to it.
 */
public sealed interface DType permits DType.Primitive, DType.Utf8, DType.Struct {

    Primitive BOOL = new Primitive(TypeCode.BOOL);
    Primitive INT8 = new Primitive(TypeCode.INT8);
    Primitive INT16 = new Primitive(TypeCode.INT16);
    Primitive INT32 = new Primitive(TypeCode.INT32);
    Primitive INT64 = new Primitive(TypeCode.INT64);
    Primitive UINT8 = new Primitive(TypeCode.UINT8);
    Primitive UINT16 = new Primitive(TypeCode.UINT16);
    Primitive UINT32 = new Primitive(TypeCode.UINT32);
    Primitive UINT64 = new Primitive(TypeCode.UINT64);
    Primitive FLOAT16 = new Primitive(TypeCode.FLOAT16);
    Primitive FLOAT32 = new Primitive(TypeCode.FLOAT32);
    Primitive FLOAT64 = new Primitive(TypeCode.FLOAT64);
    Primitive COMPLEX64 = new Primitive(TypeCode.COMPLEX64);
    Primitive COMPLEX128 = new Primitive(TypeCode.COMPLEX128);
    Utf8 STRING = new Utf8();

    /** The kind of this type. */
    TypeCode code();

    /** Bytes per element; -1 for {@link #STRING}, whose elements vary in size. */
    int size();

    /** Alignment in bytes of one element (1 for strings, whose data are bytes). */
    int alignment();

    /** A short name in NumPy's vocabulary ("float64", "struct{float64,int64}"). */
    String name();

    /** Whether {@code op} can reduce values of this type. */
    boolean supports(ReductionOp op);

    /** Whether elements have a fixed size. */
    default boolean isFixedSize() {
        return size() >= 0;
    }

    /** A struct of the given field types, laid out in order with natural alignment. */
    static Struct struct(List<DType> fields) {
        return new Struct(List.copyOf(fields));
    }

    /**
     * The pair type used by {@link ReductionOp#ARGMIN} and {@link ReductionOp#ARGMAX}:
     * {@code struct{value, int64 index}}.
     */
    static Struct argType(DType valueType) {
        if (!(valueType instanceof Primitive p) || p.code().isComplex()) {
            throw new TypeMismatchException("argmin/argmax need a real primitive value type, got " + valueType.name());
        }
        return new Struct(List.of(valueType, INT64));
    }

    /** Looks a primitive type up by its NumPy name ("float64", "int32", "bool", ...). */
    static Primitive of(String numpyName) {
        for (TypeCode c : TypeCode.values()) {
            if (c.size() > 0 && c.name().toLowerCase().equals(numpyName)) {
                return new Primitive(c);
            }
        }
        throw new TypeMismatchException("unknown type name '" + numpyName + "'");
    }

    /** A fixed-size scalar type (bool, integers, floats, complex numbers). */
    record Primitive(TypeCode code) implements DType {
        public Primitive {
            if (code.size() < 0) {
                throw new IllegalArgumentException(code + " is not a primitive type code");
            }
        }

        @Override
        public int size() {
            return code.size();
        }

        @Override
        public int alignment() {
            return code.isComplex() ? code.size() / 2 : code.size();
        }

        @Override
        public String name() {
            return code.name().toLowerCase();
        }

        @Override
        public boolean supports(ReductionOp op) {
            return switch (op) {
                case SUM, PROD -> true;
                case MIN, MAX -> !code.isComplex();
                case AND, OR, XOR -> code.isInteger() || code == TypeCode.BOOL;
                case ARGMIN, ARGMAX -> false;
            };
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Variable-size UTF-8 strings, stored as offsets plus bytes in a {@link LogicalArray}. */
    record Utf8() implements DType {
        @Override
        public TypeCode code() {
            return TypeCode.STRING;
        }

        @Override
        public int size() {
            return -1;
        }

        @Override
        public int alignment() {
            return 1;
        }

        @Override
        public String name() {
            return "string";
        }

        @Override
        public boolean supports(ReductionOp op) {
            return false;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** A fixed-size record whose fields are laid out in order with natural alignment. */
    record Struct(List<DType> fields) implements DType {
        public Struct {
            if (fields.isEmpty()) {
                throw new TypeMismatchException("a struct type needs at least one field");
            }
            for (DType f : fields) {
                if (!f.isFixedSize()) {
                    throw new TypeMismatchException("struct fields must have a fixed size, got " + f.name());
                }
            }
            fields = List.copyOf(fields);
        }

        @Override
        public TypeCode code() {
            return TypeCode.STRUCT;
        }

        /** Byte offset of field {@code i} within one element. */
        public int offset(int i) {
            int off = 0;
            for (int k = 0; k <= i; k++) {
                DType f = fields.get(k);
                off = (off + f.alignment() - 1) / f.alignment() * f.alignment();
                if (k < i) {
                    off += f.size();
                }
            }
            return off;
        }

        @Override
        public int size() {
            int end = offset(fields.size() - 1) + fields.getLast().size();
            int a = alignment();
            return (end + a - 1) / a * a;
        }

        @Override
        public int alignment() {
            int a = 1;
            for (DType f : fields) {
                a = Math.max(a, f.alignment());
            }
            return a;
        }

        @Override
        public String name() {
            StringBuilder sb = new StringBuilder("struct{");
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(fields.get(i).name());
            }
            return sb.append('}').toString();
        }

        /** Whether this is the pair type made by {@link DType#argType(DType)}. */
        public boolean isArgType() {
            return fields.size() == 2 && fields.get(1).equals(INT64)
                    && fields.get(0) instanceof Primitive p && !p.code().isComplex();
        }

        @Override
        public boolean supports(ReductionOp op) {
            return (op == ReductionOp.ARGMIN || op == ReductionOp.ARGMAX) && isArgType();
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
