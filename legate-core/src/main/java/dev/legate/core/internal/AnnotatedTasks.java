package dev.legate.core.internal;

import dev.legate.core.Align;
import dev.legate.core.AutoTask;
import dev.legate.core.Bloat;
import dev.legate.core.Broadcast;
import dev.legate.core.Constraint;
import dev.legate.core.ImageOf;
import dev.legate.core.InputArray;
import dev.legate.core.OutputArray;
import dev.legate.core.PhysicalArray;
import dev.legate.core.ProcessorKind;
import dev.legate.core.Reduce;
import dev.legate.core.ReductionArray;
import dev.legate.core.ReductionOp;
import dev.legate.core.Scalar;
import dev.legate.core.Task;
import dev.legate.core.TaskArgumentException;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskContext;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import dev.legate.core.Variable;
import dev.legate.core.Version;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implements annotated task interfaces ({@link Task}): each annotated default method is the body
 * of a task registered in a library named after the interface; calling it through the proxy
 * launches that task as an {@link AutoTask}.
 */
final class AnnotatedTasks {
    private AnnotatedTasks() {
    }

    private enum Role { INPUT, OUTPUT, REDUCTION, SCALAR }

    /** One annotated method: its roles per parameter and the task it launches. */
    private record Signature(Method method, Role[] roles, ReductionOp[] ops, String[] names, TaskId task) {
    }

    static Object create(RuntimeImpl rt, Class<?> iface) {
        if (!iface.isInterface()) {
            throw new TaskArgumentException(iface.getName() + " is not an interface; annotated tasks are declared "
                    + "as default methods of an interface");
        }
        if (!Modifier.isPublic(iface.getModifiers())) {
            throw new TaskArgumentException("task interface " + iface.getName() + " must be public");
        }
        Map<String, Map<ProcessorKind, Method>> byTask = new LinkedHashMap<>();
        for (Method m : iface.getMethods()) {
            Task t = m.getAnnotation(Task.class);
            if (t == null) {
                continue;
            }
            if (!m.isDefault()) {
                throw new TaskArgumentException("@Task method " + where(m) + " must be a default method with the body");
            }
            if (m.getReturnType() != void.class) {
                throw new TaskArgumentException("@Task method " + where(m) + " must return void");
            }
            String name = t.name().isEmpty() ? m.getName() : t.name();
            Method prev = byTask.computeIfAbsent(name, k -> new EnumMap<>(ProcessorKind.class)).put(t.kind(), m);
            if (prev != null) {
                throw new TaskArgumentException("task '" + name + "' of " + iface.getName() + " has two " + t.kind()
                        + " variants: " + prev.getName() + " and " + m.getName());
            }
        }
        if (byTask.isEmpty()) {
            throw new TaskArgumentException("interface " + iface.getName() + " has no @Task methods");
        }
        LibraryImpl lib = rt.addLibrary("tasks:" + iface.getName(), new Version(1, 0, 0), Bootstrap.origin(iface));
        Map<Method, Signature> sigs = new HashMap<>();
        Object[] proxyHolder = new Object[1];
        for (Map.Entry<String, Map<ProcessorKind, Method>> e : byTask.entrySet()) {
            Map<ProcessorKind, Method> variants = e.getValue();
            Method any = variants.values().iterator().next();
            Role[] roles = roles(any);
            for (Method m : variants.values()) {
                if (!java.util.Arrays.equals(roles(m), roles)) {
                    throw new TaskArgumentException("variants of task '" + e.getKey() + "' of " + iface.getName()
                            + " take different parameters: " + where(any) + " and " + where(m));
                }
            }
            Map<ProcessorKind, TaskBody> bodies = new EnumMap<>(ProcessorKind.class);
            for (Map.Entry<ProcessorKind, Method> v : variants.entrySet()) {
                Method m = v.getValue();
                bodies.put(v.getKey(), ctx -> invokeBody(proxyHolder[0], m, roles, ctx));
            }
            TaskId id;
            synchronized (lib) {
                id = lib.taskNames().contains(e.getKey()) ? lib.task(e.getKey())
                        : lib.register(e.getKey(), signature(roles), bodies);
            }
            for (Method m : variants.values()) {
                sigs.put(m, new Signature(m, roles, ops(m), names(m), id));
            }
        }
        InvocationHandler handler = (proxy, method, args) -> {
            Signature s = sigs.get(method);
            if (s != null) {
                launch(rt, s, args == null ? new Object[0] : args);
                return null;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "tasks(" + iface.getName() + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(where(method) + " is abstract and not a @Task method");
        };
        Object proxy = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler);
        proxyHolder[0] = proxy;
        return proxy;
    }

    private static TaskSignature signature(Role[] roles) {
        int[] n = new int[4];
        for (Role r : roles) {
            n[r.ordinal()]++;
        }
        return new TaskSignature(n[0], n[1], n[2], n[3]);
    }

    private static Role[] roles(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Role[] roles = new Role[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == InputArray.class) {
                roles[i] = Role.INPUT;
            } else if (t == OutputArray.class) {
                roles[i] = Role.OUTPUT;
            } else if (t == ReductionArray.class) {
                roles[i] = Role.REDUCTION;
            } else if (t == double.class || t == float.class || t == long.class || t == int.class || t == short.class
                    || t == byte.class || t == boolean.class || t == String.class || t == Scalar.class) {
                roles[i] = Role.SCALAR;
            } else {
                throw new TaskArgumentException("parameter " + i + " of @Task method " + where(m) + " has type "
                        + t.getName() + "; use InputArray, OutputArray, ReductionArray or a scalar type");
            }
        }
        return roles;
    }

    private static ReductionOp[] ops(Method m) {
        Parameter[] ps = m.getParameters();
        ReductionOp[] ops = new ReductionOp[ps.length];
        for (int i = 0; i < ps.length; i++) {
            Reduce r = ps[i].getAnnotation(Reduce.class);
            ops[i] = r == null ? ReductionOp.SUM : r.value();
        }
        return ops;
    }

    private static String[] names(Method m) {
        Parameter[] ps = m.getParameters();
        String[] names = new String[ps.length];
        for (int i = 0; i < ps.length; i++) {
            names[i] = ps[i].getName();
        }
        return names;
    }

    private static void launch(RuntimeImpl rt, Signature s, Object[] args) {
        AutoTaskImpl task = (AutoTaskImpl) rt.createTask(s.task());
        Map<String, Variable> vars = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (s.roles()[i]) {
                case INPUT, OUTPUT, REDUCTION -> {
                    if (!(args[i] instanceof dev.legate.core.ArrayArgument a)) {
                        throw new TaskArgumentException("argument '" + s.names()[i] + "' of " + where(s.method())
                                + " is null");
                    }
                    Privilege p = switch (s.roles()[i]) {
                        case INPUT -> Privilege.READ;
                        case OUTPUT -> Privilege.WRITE;
                        default -> Privilege.REDUCE;
                    };
                    vars.put(s.names()[i], task.add(a, p, s.ops()[i], s.names()[i]));
                }
                case SCALAR -> task.addScalar(toScalar(args[i], s, i));
            }
        }
        Method m = s.method();
        for (Align a : m.getAnnotationsByType(Align.class)) {
            String[] names = a.value();
            for (int k = 1; k < names.length; k++) {
                task.addConstraint(Constraint.align(var(vars, names[0], m), var(vars, names[k], m)));
            }
        }
        for (Broadcast b : m.getAnnotationsByType(Broadcast.class)) {
            task.addConstraint(Constraint.broadcast(var(vars, b.value(), m), b.dims()));
        }
        for (ImageOf im : m.getAnnotationsByType(ImageOf.class)) {
            task.addConstraint(im.hi().isEmpty()
                    ? Constraint.image(var(vars, im.src(), m), var(vars, im.dst(), m))
                    : Constraint.imageRanges(var(vars, im.src(), m), var(vars, im.hi(), m), var(vars, im.dst(), m)));
        }
        for (Bloat b : m.getAnnotationsByType(Bloat.class)) {
            task.addConstraint(Constraint.bloat(var(vars, b.src(), m), var(vars, b.dst(), m), b.low(), b.high()));
        }
        task.execute();
    }

    private static Variable var(Map<String, Variable> vars, String name, Method m) {
        Variable v = vars.get(name);
        if (v == null) {
            throw new TaskArgumentException("a constraint on " + where(m) + " names '" + name
                    + "', which is not one of its array parameters " + vars.keySet()
                    + " (compile with -parameters to use source names)");
        }
        return v;
    }

    private static Scalar toScalar(Object v, Signature s, int i) {
        return switch (v) {
            case Double d -> Scalar.of(d);
            case Float f -> Scalar.of(f);
            case Long l -> Scalar.of(l);
            case Integer n -> Scalar.of(n);
            case Short n -> Scalar.ofInteger(dev.legate.core.DType.INT16, n);
            case Byte n -> Scalar.ofInteger(dev.legate.core.DType.INT8, n);
            case Boolean b -> Scalar.of(b);
            case String str -> Scalar.of(str);
            case Scalar sc -> sc;
            case null -> throw new TaskArgumentException("scalar argument '" + s.names()[i] + "' of "
                    + where(s.method()) + " is null");
            default -> throw new TaskArgumentException("unsupported scalar " + v.getClass().getName());
        };
    }

    private static void invokeBody(Object proxy, Method m, Role[] roles, TaskContext ctx) throws Exception {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[roles.length];
        int in = 0;
        int out = 0;
        int red = 0;
        int sc = 0;
        List<PhysicalArray> inputs = ctx.inputs();
        for (int i = 0; i < roles.length; i++) {
            args[i] = switch (roles[i]) {
                case INPUT -> inputs.get(in++);
                case OUTPUT -> ctx.outputs().get(out++);
                case REDUCTION -> ctx.reductions().get(red++);
                case SCALAR -> fromScalar(ctx.scalar(sc++), types[i]);
            };
        }
        try {
            InvocationHandler.invokeDefault(proxy, m, args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object fromScalar(Scalar s, Class<?> t) {
        if (t == double.class) {
            return s.asDouble();
        } else if (t == float.class) {
            return s.asFloat();
        } else if (t == long.class) {
            return s.asLong();
        } else if (t == int.class) {
            return s.asInt();
        } else if (t == short.class) {
            return (short) s.asLong();
        } else if (t == byte.class) {
            return (byte) s.asLong();
        } else if (t == boolean.class) {
            return s.asBoolean();
        } else if (t == String.class) {
            return s.asString();
        }
        return s;
    }

    private static String where(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }
}
