package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalArray;
import dev.legate.core.Point;
import dev.legate.core.Processor;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TaskContext;
import dev.legate.core.TaskId;
import java.util.List;
import java.util.Optional;

/** The context of one point task. */
record TaskContextImpl(TaskId task, List<PhysicalArray> inputs, List<PhysicalArray> outputs,
                       List<PhysicalArray> reductions, List<Scalar> scalars, Point point, Shape launchShape,
                       Processor processor, Optional<DeviceContext> device) implements TaskContext {
}
