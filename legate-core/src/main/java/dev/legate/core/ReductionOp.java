package dev.legate.core;

/**
 * A commutative, associative combining operator used by reduction privileges and scalar
 * reductions. {@link #ARGMIN} and {@link #ARGMAX} apply to the struct types made by
 * {@link DType#argType(DType)}: they keep the pair with the smallest (largest) value and,
 * among equal values, the smallest index, so the result does not depend on the fold order.
 */
public enum ReductionOp {
    SUM, PROD, MIN, MAX, AND, OR, XOR, ARGMIN, ARGMAX
}
