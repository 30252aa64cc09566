package dev.legate.core;

import java.util.List;
import java.util.Optional;

/**
 * What one point task receives: its tiles of the launch's arguments, in the order they were
 * added, its scalars, its point in the launch domain and the processor it runs on.
 */
public interface TaskContext {
    /** The task being run. */
    TaskId task();

    /** Input tiles. */
    List<PhysicalArray> inputs();

    /** Output tiles. */
    List<PhysicalArray> outputs();

    /** Reduction tiles; {@link PhysicalStore#reductionOp()} names the operator. */
    List<PhysicalArray> reductions();

    /** Scalar arguments. */
    List<Scalar> scalars();

    /** Input {@code i}. */
    default PhysicalArray input(int i) {
        return inputs().get(i);
    }

    /** Output {@code i}. */
    default PhysicalArray output(int i) {
        return outputs().get(i);
    }

    /** Reduction argument {@code i}. */
    default PhysicalArray reduction(int i) {
        return reductions().get(i);
    }

    /** Scalar {@code i}. */
    default Scalar scalar(int i) {
        return scalars().get(i);
    }

    /** This point task's point in the launch domain. */
    Point point();

    /** The launch domain. */
    Shape launchShape();

    /** The processor this point task was mapped to. */
    Processor processor();

    /** The device of a GPU variant; empty on CPUs. */
    Optional<DeviceContext> device();
}
