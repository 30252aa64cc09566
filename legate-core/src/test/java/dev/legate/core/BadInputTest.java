package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input fails before anything is launched, with a message naming the values involved. */
class BadInputTest {
    static LegateRuntime rt;

    @BeforeAll
    static void start() {
        rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(8).build(), 0,
                List.of(new ExecutionTest.Dag()));
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    private static void contains(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 10, 4);
        LogicalStore b = rt.createStore(DType.FLOAT64, 4, 10);
        contains(assertThrows(ShapeMismatchException.class, () -> rt.copy(a, b)), "(10, 4)", "(4, 10)");
        AutoTask t = rt.createTask(rt.library("dag").task("affine"));
        Variable x = t.addInput(a);
        Variable y = t.addOutput(b);
        t.addConstraint(Constraint.align(x, y)).addScalar(Scalar.of(1.0)).addScalar(Scalar.of(0.0));
        contains(assertThrows(PartitioningException.class, t::execute), "(10, 4)", "(4, 10)");
    }

    @Test
    void typeMismatchNamesTheTypes() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 10);
        LogicalStore b = rt.createStore(DType.INT32, 10);
        contains(assertThrows(TypeMismatchException.class, () -> rt.copy(a, b)), "float64", "int32");
        AutoTask t = rt.createTask(rt.library("dag").task("sum"));
        t.addInput(a);
        LogicalStore c = rt.createStore(DType.COMPLEX128, Shape.of());
        contains(assertThrows(TypeMismatchException.class, () -> t.addReduction(c, ReductionOp.MAX)), "MAX",
                "complex128");
        contains(assertThrows(TypeMismatchException.class, () -> rt.createStore(DType.STRING, 3)), "string");
    }

    @Test
    void unknownTaskAndLibrary() {
        contains(assertThrows(UnknownTaskException.class, () -> rt.library("dag").task("nope")), "nope", "affine");
        contains(assertThrows(UnknownTaskException.class, () -> rt.library("nolib")), "nolib", "dag");
        TaskId forged = new TaskId("dag", 99, "ghost");
        contains(assertThrows(UnknownTaskException.class, () -> rt.createTask(forged)), "dag.ghost");
    }

    @Test
    void wrongArgumentCountIsRefused() {
        AutoTask t = rt.createTask(rt.library("dag").task("affine"));
        t.addInput(rt.createStore(DType.FLOAT64, 4));
        contains(assertThrows(TaskArgumentException.class, t::execute), "dag.affine", "1 inputs", "0 outputs",
                "0 scalars");
    }

    @Test
    void outOfBoundsSlicesNameIndexAndExtent() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 10, 5);
        contains(assertThrows(IndexOutOfBoundsException.class, () -> a.slice(1, 2, 7)), "2:7", "extent 5");
        contains(assertThrows(IndexOutOfBoundsException.class, () -> a.project(0, 10)), "index 10", "extent 10");
        contains(assertThrows(IndexOutOfBoundsException.class, () -> a.slice(2, 0, 1)), "dimension 2");
        contains(assertThrows(ShapeMismatchException.class, () -> a.delinearize(0, 3, 4)), "[3, 4]", "10");
        contains(assertThrows(ShapeMismatchException.class, () -> a.broadcast(0, 3)), "extent 10");
        contains(assertThrows(IllegalArgumentException.class, () -> a.transpose(0, 0)), "[0, 0]");
    }

    @Test
    void nonArgumentsAreRefused() {
        AutoTask t = rt.createTask(rt.library("dag").task("affine"));
        contains(assertThrows(TaskArgumentException.class, () -> t.addInput(null)), "null");
        PhysicalArray tile = rt.createStore(DType.FLOAT64, 2).physical();
        contains(assertThrows(TaskArgumentException.class, () -> t.addInput(tile)), "LogicalStore or LogicalArray");
    }

    @Test
    void incompatibleLibraryIsRefusedWithBothVersions() {
        dev.legate.core.spi.LegateLibrary old = new dev.legate.core.spi.LegateLibrary() {
            @Override
            public String name() {
                return "old";
            }

            @Override
            public Version version() {
                return new Version(0, 3, 1);
            }

            @Override
            public VersionRange coreApi() {
                return VersionRange.parse("[0.1,0.9)");
            }

            @Override
            public void register(dev.legate.core.spi.TaskRegistry registry) {
                throw new AssertionError("must not be registered");
            }
        };
        IncompatibleLibraryException e = assertThrows(IncompatibleLibraryException.class,
                () -> dev.legate.core.internal.RuntimeImpl.start(RuntimeConfig.builder().cpus(1).build(),
                        List.of(new TestProvider.Factory("t", 1, false)),
                        dev.legate.core.internal.RuntimeImplTestAccess.checked(List.of(old))));
        contains(e, "old", "0.3.1", "[0.1.0,0.9.0)", "1.0.0");
    }

    @Test
    void badConfigurationValues() {
        contains(assertThrows(IllegalArgumentException.class, () -> RuntimeConfig.builder().cpus(-2).build()), "-2");
        contains(assertThrows(IllegalArgumentException.class, () -> RuntimeConfig.parseSize("12q")), "12q");
        contains(assertThrows(IllegalArgumentException.class, () -> RuntimeConfig.builder(
                k -> k.equals("legate.cpus") ? "many" : null, k -> null).build()), "many");
    }
}
