package dev.legate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link Task} method: the named parameter is not split along {@link #dims()} (all if empty). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Broadcast.List.class)
public @interface Broadcast {
    /** The parameter name. */
    String value();

    /** The dimensions not to split; empty for all. */
    int[] dims() default {};

    /** Holder for repeated {@link Broadcast}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The repeated annotations. */
        Broadcast[] value();
    }
}
