package dev.legate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Task} method: parameter {@link #dst()} is partitioned by the image of
 * {@link #src()} (points), or of the ranges {@code [src, hi)} when {@link #hi()} is given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ImageOf.List.class)
public @interface ImageOf {
    /** The parameter holding indices (or range starts). */
    String src();

    /** The parameter holding range ends, or empty for a points image. */
    String hi() default "";

    /** The parameter partitioned by the image. */
    String dst();

    /** Holder for repeated {@link ImageOf}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The repeated annotations. */
        ImageOf[] value();
    }
}
