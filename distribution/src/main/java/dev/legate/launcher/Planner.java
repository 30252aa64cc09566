package dev.legate.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link CommandLine} into a {@link Plan}: checks the program against the image, builds
 * the JVM options (root modules, native access, the runtime's settings as {@code legate.*}
 * system properties, the plugin path, profiling) and the program's own {@code java} arguments.
 */
final class Planner {
    /** The module and class behind {@code --show-config}. */
    static final String SHOW_CONFIG = "dev.legate.launcher/dev.legate.launcher.ShowConfig";

    private static final String LAUNCHER = "dev.legate.launcher";

    private final Image image;
    private final Examples examples;
    private final Map<String, String> env;

    Planner(Image image, Examples examples, Map<String, String> env) {
        this.image = image;
        this.examples = examples;
        this.env = Map.copyOf(env);
    }

    /**
     * The plan for {@code cl}.
     *
     * @throws LaunchException naming what is wrong with the program, a setting or a plugin
     */
    Plan plan(CommandLine cl) {
        Path java = image.home().resolve("bin").resolve("java");
        if (cl.help()) {
            return new Plan(java, List.of(new Plan.Print(Usage.text(image, examples))));
        }
        Optional<Launch> program = cl.target().map(this::launch);
        List<Path> plugins = Plugins.path(image, cl.plugins(), Optional.ofNullable(env.get("LEGATE_PLUGIN_PATH")));
        Set<String> runtime = new LinkedHashSet<>(image.runtimeModules());
        Plugins.check(image, runtime, plugins);

        List<Plan.Step> steps = new ArrayList<>();
        if (cl.showConfig()) {
            Launch show = new Launch(image.modules(), Set.of(LAUNCHER), List.of(), List.of("-m", SHOW_CONFIG));
            steps.add(new Plan.Java(javaArgs(cl, show, plugins, program.isEmpty(), List.of())));
        }
        program.ifPresent(p -> steps.add(new Plan.Java(javaArgs(cl, p, plugins, true, cl.programArgs()))));
        Plan plan = new Plan(java, steps);
        return cl.dryRun() ? plan.dryRun() : plan;
    }

    /**
     * How to start one program.
     *
     * @param finder where its modules are found (the image, plus a modular jar)
     * @param roots its root modules besides the runtime's
     * @param nativeAccess names for --enable-native-access besides the resolved modules
     * @param main the arguments that name the program ({@code -m ...} or {@code -jar ...})
     */
    private record Launch(ModuleFinder finder, Set<String> roots, List<String> nativeAccess, List<String> main) {
    }

    private Launch launch(Target target) {
        return switch (target) {
            case Target.Example e -> {
                Examples.Example ex = examples.find(e.name()).orElseThrow(() -> LaunchException.usage(
                        "unknown example '" + e.name() + "'; examples in this image: " + Usage.names(image, examples)));
                if (image.module(ex.module()).isEmpty()) {
                    throw LaunchException.usage("example '" + e.name() + "' needs module " + ex.module()
                            + ", which image " + image.name() + " does not include; examples in this image: "
                            + Usage.names(image, examples));
                }
                yield moduleLaunch(ex.module(), Optional.of(ex.mainClass()));
            }
            case Target.ModuleMain m -> moduleLaunch(m.module(), m.mainClass());
            case Target.Jar j -> {
                AppJar app = AppJar.inspect(j.jar());
                Path jar = j.jar().toAbsolutePath();
                if (app.module().isEmpty()) {
                    yield new Launch(image.modules(), unnamedRoots(), List.of("ALL-UNNAMED"),
                            List.of("-jar", jar.toString()));
                }
                String name = app.module().get().name();
                if (image.module(name).isPresent()) {
                    throw LaunchException.usage("jar " + j.jar() + " holds module " + name + ", which image "
                            + image.name() + " already contains");
                }
                yield new Launch(ModuleFinder.compose(image.modules(), ModuleFinder.of(jar)), Set.of(name), List.of(),
                        List.of("-p", jar.toString(), "-m", name + "/" + app.mainClass()));
            }
        };
    }

    private Launch moduleLaunch(String module, Optional<String> mainClass) {
        ModuleDescriptor d = image.module(module).orElseThrow(() -> LaunchException.usage("module " + module
                + " is not in image " + image.name() + "; its modules: " + String.join(", ", image.projectModules())));
        String cls = mainClass.or(d::mainClass).orElseThrow(() -> LaunchException.usage("module " + module
                + " has no main class; name one with --module " + module + "/CLASS"));
        int dot = cls.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cls.substring(0, dot);
        if (!d.packages().contains(pkg) || classBytes(module, cls).isEmpty()) {
            throw LaunchException.usage("module " + module + " has no class " + cls);
        }
        if (!hasMain(module, cls)) {
            throw LaunchException.usage("class " + cls + " of module " + module + " has no main method");
        }
        return new Launch(image.modules(), Set.of(module), List.of(), List.of("-m", module + "/" + cls));
    }

    private Optional<byte[]> classBytes(String module, String cls) {
        ModuleReference ref = image.modules().find(module).orElseThrow();
        try (ModuleReader reader = ref.open()) {
            Optional<java.nio.ByteBuffer> buf = reader.read(cls.replace('.', '/') + ".class");
            if (buf.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = new byte[buf.get().remaining()];
            buf.get().get(bytes);
            reader.release(buf.get());
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read module " + module + " of the image", e);
        }
    }

    /**
     * Whether {@code cls} or a superclass in the same module declares a launchable {@code main}
     * ({@code main(String[])} or {@code main()}, static or not); a superclass outside the module
     * is given the benefit of the doubt, and {@code java} has the last word.
     */
    private boolean hasMain(String module, String cls) {
        String name = cls;
        while (true) {
            Optional<byte[]> bytes = classBytes(module, name);
            if (bytes.isEmpty()) {
                return true;
            }
            ClassModel model = ClassFile.of().parse(bytes.get());
            boolean found = model.methods().stream().anyMatch(m -> m.methodName().equalsString("main")
                    && (m.methodType().equalsString("([Ljava/lang/String;)V") || m.methodType().equalsString("()V")));
            if (found) {
                return true;
            }
            Optional<ClassEntry> sup = model.superclass();
            if (sup.isEmpty() || sup.get().asInternalName().equals("java/lang/Object")) {
                return false;
            }
            name = sup.get().asInternalName().replace('/', '.');
        }
    }

    /** The boot layer's roots for a program on the class path: the image's modules that export an API. */
    private Set<String> unnamedRoots() {
        Set<String> roots = new LinkedHashSet<>();
        for (ModuleReference r : image.modules().findAll()) {
            ModuleDescriptor d = r.descriptor();
            if (!d.name().startsWith("jdk.incubator.") && d.exports().stream().anyMatch(e -> !e.isQualified())) {
                roots.add(d.name());
            }
        }
        return roots;
    }

    private List<String> javaArgs(CommandLine cl, Launch launch, List<Path> plugins, boolean profile,
                                  List<String> programArgs) {
        List<String> args = new ArrayList<>();
        List<String> runtime = image.runtimeModules();
        if (!runtime.isEmpty()) {
            args.add("--add-modules=" + String.join(",", runtime));
        }
        Set<String> roots = new LinkedHashSet<>(runtime);
        roots.addAll(launch.roots());
        List<String> nativeAccess = new ArrayList<>(resolvedApplicationModules(launch.finder(), roots));
        nativeAccess.addAll(launch.nativeAccess());
        if (!nativeAccess.isEmpty()) {
            args.add("--enable-native-access=" + String.join(",", nativeAccess));
        }
        cl.cpus().ifPresent(n -> args.add("-Dlegate.cpus=" + n));
        cl.gpus().ifPresent(n -> args.add("-Dlegate.gpus=" + n));
        cl.sysmem().ifPresent(s -> args.add("-Dlegate.sysmem=" + s));
        cl.fbmem().ifPresent(s -> args.add("-Dlegate.fbmem=" + s));
        if (!plugins.isEmpty()) {
            args.add("-Dlegate.plugins=" + Plugins.join(plugins));
        }
        if (profile) {
            cl.profile().ifPresent(p -> args.addAll(profileOptions(p)));
        }
        args.addAll(launch.main());
        args.addAll(programArgs);
        return args;
    }

    /** The non-JDK modules the JVM will resolve for these roots: exactly those native access may name. */
    private static List<String> resolvedApplicationModules(ModuleFinder finder, Set<String> roots) {
        try {
            Configuration cf = Configuration.empty().resolveAndBind(finder, ModuleFinder.of(), roots);
            return cf.modules().stream().map(ResolvedModule::name).filter(n -> !Image.isJdk(n) && !n.equals(LAUNCHER))
                    .sorted().toList();
        } catch (ResolutionException e) {
            throw LaunchException.usage("the program's modules do not resolve against the image: "
                    + Plugins.describe(e));
        }
    }

    private List<String> profileOptions(Path file) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw LaunchException.usage("option --profile: folder " + dir + " does not exist");
        }
        if (abs.getFileName().toString().endsWith(".jfr")) {
            if (image.module("jdk.jfr").isEmpty()) {
                throw LaunchException.usage("option --profile " + file + ": image " + image.name()
                        + " has no jdk.jfr for JFR recordings; name a .json file for a timeline");
            }
            if (abs.toString().contains(",")) {
                throw LaunchException.usage("option --profile: a JFR file name may not contain ',': " + file);
            }
            // JFR announces the recording on standard output, which belongs to the program.
            return List.of("-Xlog:jfr+startup=error", "-XX:StartFlightRecording=filename=" + abs + ",settings=profile");
        }
        return List.of("-Dlegate.profile=" + abs);
    }
}
