package dev.legate.core.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A JFR event per executed graph node (point task, copy, fold). */
@Name("dev.legate.PointTask")
@Label("Legate Point Task")
@Category("Legate")
@Description("One point task (or runtime copy/fold) executed on a processor")
final class PointTaskEvent extends Event {
    @Label("Library")
    String library;

    @Label("Task")
    String task;

    @Label("Point")
    String point;

    @Label("Processor")
    String processor;

    @Label("Bytes")
    @Description("Bytes of the tiles the task accessed")
    long bytes;
}
