package dev.legate.core.internal;

import dev.legate.core.Partition;
import dev.legate.core.ReductionOp;

/** One store argument of a task launch, with the partition the solver chose for it. */
final class StoreArg {
    final StoreImpl store;
    final Privilege privilege;
    final ReductionOp redop;
    final String name;
    /** Index among the launch's store arguments (the variable's index). */
    final int index;
    Partition partition;
    /** Reduction through per-point buffers folded afterwards (tiles overlap). */
    boolean foldPartials;
    /** Set at launch: the store's shape and its element base and strides in the root instance (shared: do not modify). */
    dev.legate.core.Shape shape;
    long base;
    long[] strides;

    /** Computes {@link #shape}, {@link #base} and {@link #strides} (the store must be bound). */
    void layout() {
        StoreImpl.Layout l = store.layout();
        shape = store.shape();
        base = l.base();
        strides = l.strides();
    }

    StoreArg(StoreImpl store, Privilege privilege, ReductionOp redop, String name, int index) {
        this.store = store;
        this.unboundOutput = store.isUnbound() && privilege == Privilege.WRITE;
        this.privilege = privilege;
        this.redop = redop;
        this.name = name;
        this.index = index;
    }

    /**
     * Whether this argument is an output whose size its task sets. Fixed when the argument is
     * added: a store that is unbound then but bound by an earlier task before this launch runs
     * is still this launch's unbound output only if it was added as an output.
     */
    boolean unbound() {
        return unboundOutput;
    }

    private final boolean unboundOutput;

    @Override
    public String toString() {
        return name + ":" + store;
    }
}
