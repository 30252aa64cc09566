/*
 * Build requirement: this package uses the incubating Vector API, so the numeric module's
 * module-info.java must keep `requires jdk.incubator.vector;`, and class-path runs (jshell,
 * the timing harnesses in the tests) need `--add-modules jdk.incubator.vector`. Vector code
 * here never passes vector values between methods of ours: when C2 does not inline such a
 * method (it stops inlining in large compilation units) every vector crossing it is boxed on
 * the heap, which costs an order of magnitude.
 */
/**
 * Pure compute kernels for the numeric library: static methods over
 * {@link java.lang.foreign.MemorySegment}s addressed by element offsets and strides, with no
 * dependence on runtime types, so that task bodies call them on a tile and tests call them
 * alone.
 *
 * <p>Conventions shared by every kernel here:
 * <ul>
 *   <li>Offsets, strides and counts are in <em>elements</em> of the kernel's element type, not
 *       bytes; element {@code j} of a run lives at byte {@code (offset + j * stride) * size}.
 *   <li>Segments are read and written in native byte order with unaligned layouts, so heap
 *       segments over {@code byte[]} work as well as the runtime's aligned off-heap ones; only
 *       {@link dev.legate.numeric.internal.kernels.Npy} deals with foreign byte orders.
 *   <li>A kernel never allocates a segment its caller sees and never closes one it is given.
 *   <li>Determinism: every kernel documents what its result depends on. Element-wise kernels
 *       (random numbers) produce bitwise-equal values for any split of the index range;
 *       reductions document their fixed association order.
 * </ul>
 */
package dev.legate.numeric.internal.kernels;
