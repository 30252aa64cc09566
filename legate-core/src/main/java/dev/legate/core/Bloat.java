package dev.legate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Task} method: parameter {@link #dst()}'s tiles are {@link #src()}'s grown by
 * {@link #low()} and {@link #high()} per dimension.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Bloat.List.class)
public @interface Bloat {
    /** The parameter whose tiles are grown. */
    String src();

    /** The parameter partitioned by the grown tiles. */
    String dst();

    /** Elements added below each tile, per dimension. */
    long[] low();

    /** Elements added above each tile, per dimension. */
    long[] high();

    /** Holder for repeated {@link Bloat}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The repeated annotations. */
        Bloat[] value();
    }
}
