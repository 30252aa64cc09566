package dev.legate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link Task} method: the named array parameters are partitioned alike. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Align.List.class)
public @interface Align {
    /** Two or more parameter names. */
    String[] value();

    /** Holder for repeated {@link Align}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The repeated annotations. */
        Align[] value();
    }
}
