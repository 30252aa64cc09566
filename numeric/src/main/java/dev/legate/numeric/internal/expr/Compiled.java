package dev.legate.numeric.internal.expr;

import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.legate.core.TypeCode;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Programs of float64 arithmetic compiled to a loop: for a program made only of float64
 * inputs, constants and the operations below, a hidden class is generated whose {@code run}
 * method evaluates the whole expression per element, reading contiguous input runs and writing
 * the output run directly. The JIT vectorises the loop, so a fused expression runs at memory
 * speed with no intermediate buffers. Compiled once per program text; the interpreter handles
 * everything else (other types, strided runs, positions).
 */
public final class Compiled {
    /** A compiled program. */
    public interface Kernel {
        /**
         * Computes {@code len} elements: input {@code k} from element index {@code off[k]} of
         * {@code in[k]}, constants {@code c}, into {@code out} from element index {@code outOff}.
         */
        void run(MemorySegment[] in, long[] off, double[] c, MemorySegment out, long outOff, int len);
    }

    private static final ConcurrentHashMap<String, Optional<Kernel>> CACHE = new ConcurrentHashMap<>();
    private static final ClassDesc CD_SEGMENT = ClassDesc.of("java.lang.foreign.MemorySegment");
    private static final ClassDesc CD_LAYOUT = ClassDesc.of("java.lang.foreign.ValueLayout");
    private static final ClassDesc CD_OF_DOUBLE = ClassDesc.of("java.lang.foreign.ValueLayout$OfDouble");
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc CD_KERNEL = ClassDesc.of(Kernel.class.getName());
    private static final MethodTypeDesc MT_GET = MethodTypeDesc.of(CD_double, CD_OF_DOUBLE, CD_long);
    private static final MethodTypeDesc MT_SET = MethodTypeDesc.of(CD_void, CD_OF_DOUBLE, CD_long, CD_double);
    private static final MethodTypeDesc MT_D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final MethodTypeDesc MT_DD_D = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc MT_RUN = MethodTypeDesc.of(CD_void, CD_SEGMENT.arrayType(),
            CD_long.arrayType(), CD_double.arrayType(), CD_SEGMENT, CD_long, CD_int);

    private Compiled() {
    }

    /** The compiled form of {@code p}, when it is pure float64 arithmetic. */
    public static Optional<Kernel> of(Program p, String text) {
        return of(p, text, 0);
    }

    /**
     * The compiled form of {@code p} where the inputs whose bits are set in {@code scalars} (bit
     * {@code k} for input {@code k}; at most 64 inputs) are the same element for the whole run (a
     * 0-d array or a broadcast dimension: stride 0): each is read once, before the loop, and the
     * loop stays a plain vectorisable loop over the other inputs.
     */
    public static Optional<Kernel> of(Program p, String text, long scalars) {
        String key = scalars == 0 ? text : text + "|scalars=" + Long.toHexString(scalars);
        Optional<Kernel> k = CACHE.get(key);
        if (k == null) {
            k = eligible(p) && p.inputs <= 64 ? Optional.of(compile(p, scalars)) : Optional.empty();
            CACHE.putIfAbsent(key, k);
        }
        return k;
    }

    private static boolean eligible(Program p) {
        if (p.positional || p.length() > 64) {
            return false;
        }
        for (int i = 0; i < p.ops.length; i++) {
            if (p.types[i] != TypeCode.FLOAT64) {
                return false;
            }
            switch (p.ops[i]) {
                case INPUT, CONST, ADD, SUB, MUL, DIV, MAX, MIN, NEG, POS, ABS, SQRT, SQUARE, EXP, LOG, SIN, COS,
                     TANH -> {
                }
                default -> {
                    return false;
                }
            }
            if (p.ops[i].arity() >= 1 && p.type0[i] != TypeCode.FLOAT64) {
                return false;
            }
        }
        return true;
    }

    /*
     * Overview: the postfix program is the JVM operand stack's order, so each instruction maps to
     * bytecode directly. Locals: 0 in, 1 off, 2 c, 3 out, 4-5 outOff, 6 len, 7 j, then per input
     * its segment and offset, then the constants.
     */
    private static Kernel compile(Program p, long scalars) {
        int inputs = p.inputs;
        int consts = p.constants;
        byte[] bytes = ClassFile.of().build(ClassDesc.of(Compiled.class.getPackageName() + ".Kernel$"), cb -> {
            cb.withInterfaceSymbols(CD_KERNEL);
            cb.withMethodBody("<init>", MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, code -> {
                code.aload(0);
                code.invokespecial(ClassDesc.of("java.lang.Object"), "<init>", MethodTypeDesc.of(CD_void));
                code.return_();
            });
            cb.withMethodBody("run", MT_RUN, ClassFile.ACC_PUBLIC, code -> body(code, p, inputs, consts, scalars));
        });
        try {
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Kernel) l.findConstructor(l.lookupClass(), java.lang.invoke.MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot compile program " + java.util.Arrays.toString(p.ops), e);
        }
    }

    private static void body(CodeBuilder code, Program p, int inputs, int consts, long scalars) {
        int segBase = 9;
        int offBase = segBase + inputs;
        int constBase = offBase + 2 * inputs;
        int scalarBase = constBase + 2 * consts;
        int j = 8;
        for (int k = 0; k < inputs; k++) {
            code.aload(1).loadConstant(k).aaload().astore(segBase + k);
            code.aload(2).loadConstant(k).laload().lstore(offBase + 2 * k);
            if ((scalars >>> k & 1) != 0) {
                // A broadcast input: its one element, read once.
                code.aload(segBase + k);
                code.getstatic(CD_LAYOUT, "JAVA_DOUBLE", CD_OF_DOUBLE);
                code.lload(offBase + 2 * k);
                code.invokeinterface(CD_SEGMENT, "getAtIndex", MT_GET);
                code.dstore(scalarBase + 2 * k);
            }
        }
        for (int k = 0; k < consts; k++) {
            code.aload(3).loadConstant(k).daload().dstore(constBase + 2 * k);
        }
        code.iconst_0().istore(j);
        var top = code.newLabel();
        var end = code.newLabel();
        code.labelBinding(top);
        code.iload(j).iload(7).if_icmpge(end);
        code.aload(4);
        code.getstatic(CD_LAYOUT, "JAVA_DOUBLE", CD_OF_DOUBLE);
        code.lload(5).iload(j).i2l().ladd();
        for (int i = 0; i < p.ops.length; i++) {
            switch (p.ops[i]) {
                case INPUT -> {
                    int k = p.leafIndex[i];
                    if ((scalars >>> k & 1) != 0) {
                        code.dload(scalarBase + 2 * k);
                        continue;
                    }
                    code.aload(segBase + k);
                    code.getstatic(CD_LAYOUT, "JAVA_DOUBLE", CD_OF_DOUBLE);
                    code.lload(offBase + 2 * k).iload(j).i2l().ladd();
                    code.invokeinterface(CD_SEGMENT, "getAtIndex", MT_GET);
                }
                case CONST -> code.dload(constBase + 2 * p.leafIndex[i]);
                case ADD -> code.dadd();
                case SUB -> code.dsub();
                case MUL -> code.dmul();
                case DIV -> code.ddiv();
                case MAX -> code.invokestatic(CD_MATH, "max", MT_DD_D);
                case MIN -> code.invokestatic(CD_MATH, "min", MT_DD_D);
                case NEG -> code.dneg();
                case POS -> {
                }
                case ABS -> code.invokestatic(CD_MATH, "abs", MT_D_D);
                case SQRT -> code.invokestatic(CD_MATH, "sqrt", MT_D_D);
                case SQUARE -> code.dup2().dmul();
                case EXP -> code.invokestatic(CD_MATH, "exp", MT_D_D);
                case LOG -> code.invokestatic(CD_MATH, "log", MT_D_D);
                case SIN -> code.invokestatic(CD_MATH, "sin", MT_D_D);
                case COS -> code.invokestatic(CD_MATH, "cos", MT_D_D);
                case TANH -> code.invokestatic(CD_MATH, "tanh", MT_D_D);
                default -> throw new IllegalStateException("not compilable: " + p.ops[i]);
            }
        }
        code.invokeinterface(CD_SEGMENT, "setAtIndex", MT_SET);
        code.iinc(j, 1);
        code.goto_(top);
        code.labelBinding(end);
        code.return_();
    }
}
