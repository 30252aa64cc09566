package dev.legate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a default method of an interface as a task: the Java form of Legate's Python
 * {@code @task}. {@link LegateRuntime#tasks(Class)} returns an implementation of the interface
 * in which calling the method launches the task as an {@link AutoTask}; the method's body is the
 * task's variant and runs once per tile.
 *
 * <p>Parameters typed {@link InputArray}, {@link OutputArray} and {@link ReductionArray} are the
 * task's array arguments (callers pass {@link LogicalStore}s or {@link LogicalArray}s; the body
 * receives tiles); a {@link ReductionArray} parameter names its operator with {@link Reduce}
 * (default {@link ReductionOp#SUM}). Other parameters ({@code double}, {@code float},
 * {@code long}, {@code int}, {@code short}, {@code byte}, {@code boolean}, {@link String},
 * {@link Scalar}) are scalars. Constraints are stated on the method with {@link Align},
 * {@link Broadcast}, {@link ImageOf} and {@link Bloat}, naming parameters (compile with
 * {@code -parameters}; otherwise the names are {@code arg0, arg1, ...}).
 *
 * <p>A second default method with the same {@link #name()} and {@code kind = GPU} is the GPU
 * variant of that task; it launches kernels through {@link TaskContext#device()}, reached as
 * {@link Tasks#context()} inside the body.
 *
 * <p>The interface must be public and in a package the core module can read (exported, or on
 * the class path). Methods must return {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {
    /** The task's name; defaults to the method's name. */
    String name() default "";

    /** The processor kind this method is the variant for. */
    ProcessorKind kind() default ProcessorKind.CPU;
}
