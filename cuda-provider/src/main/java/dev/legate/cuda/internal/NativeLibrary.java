package dev.legate.cuda.internal;

import dev.legate.cuda.CudaLibraryException;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A CUDA library of the toolkit (cuBLAS, NVRTC) found on this machine and loaded for calls
 * through java.lang.foreign. The libraries are not part of the driver, so where they live
 * depends on how CUDA was installed; {@link #find} looks, in this order:
 * <ol>
 * <li>the directories of system property {@code legate.cuda.libraryPath} or environment variable
 *     {@code LEGATE_CUDA_LIBRARY_PATH} (separated by {@code :});</li>
 * <li>the dynamic linker, by the library's name ({@code LD_LIBRARY_PATH}, {@code ldconfig}'s
 *     cache);</li>
 * <li>the toolkit's folders: {@code $CUDA_HOME}, {@code $CUDA_PATH}, {@code /usr/local/cuda} and
 *     {@code /usr/local/cuda-*} (newest first), each with {@code lib64}, {@code lib} and
 *     {@code targets/x86_64-linux/lib};</li>
 * <li>Python environments' NVIDIA wheels ({@code nvidia/cu13/lib}, {@code nvidia/<name>/lib}) in
 *     the site-packages of {@code $VIRTUAL_ENV}, {@code $CONDA_PREFIX}, {@code /usr/lib},
 *     {@code /usr/local/lib}, {@code /opt/*}, {@code /opt/*\/.venv} and {@code ~/.local}.</li>
 * </ol>
 * Libraries that the found one loads by name (cuBLASLt beside cuBLAS, NVRTC's builtins) are
 * loaded first from the same folder, so a folder outside the linker's path works too. Loaded
 * libraries stay loaded for the life of the JVM.
 *
 * @param name the library's file name, such as {@code libcublas.so.13}
 * @param location where it was loaded from: a path, or {@code the dynamic linker}
 * @param lookup its symbols
 */
record NativeLibrary(String name, String location, SymbolLookup lookup) {
    /** The property that names extra library folders. */
    static final String PROPERTY = "legate.cuda.libraryPath";
    /** The environment variable that names extra library folders. */
    static final String VARIABLE = "LEGATE_CUDA_LIBRARY_PATH";

    /**
     * Finds and loads {@code name}, first loading the companions (file-name glob patterns) found
     * beside it.
     *
     * @throws CudaLibraryException naming every place searched when it is not found or
     *         does not load
     */
    static NativeLibrary find(String name, String what, List<String> companions) {
        return find(name, what, companions, System::getProperty, System::getenv);
    }

    /** {@link #find(String, String, List)} with the given property and environment lookups (for tests). */
    static NativeLibrary find(String name, String what, List<String> companions, Function<String, String> properties,
                              Function<String, String> environment) {
        List<String> failures = new ArrayList<>();
        List<Path> extra = configured(properties, environment);
        for (Path dir : extra) {
            Optional<NativeLibrary> l = tryDirectory(dir, name, companions, failures);
            if (l.isPresent()) {
                return l.get();
            }
        }
        try {
            return new NativeLibrary(name, "the dynamic linker", SymbolLookup.libraryLookup(name, Arena.global()));
        } catch (IllegalArgumentException e) {
            failures.add("the dynamic linker (LD_LIBRARY_PATH=" + String.valueOf(environment.apply("LD_LIBRARY_PATH"))
                    + "): " + e.getMessage());
        }
        List<Path> dirs = standardDirectories(environment);
        for (Path dir : dirs) {
            Optional<NativeLibrary> l = tryDirectory(dir, name, companions, failures);
            if (l.isPresent()) {
                return l.get();
            }
        }
        throw new CudaLibraryException(name + " (" + what + ") was not found. Searched: " + PROPERTY + " / "
                + VARIABLE + " " + (extra.isEmpty() ? "(unset)" : extra) + "; " + String.join("; ", failures)
                + "; and " + dirs.size() + " folders of CUDA toolkits and Python NVIDIA wheels "
                + (dirs.isEmpty() ? "(none exist)" : dirs) + ". Install the CUDA 13 toolkit or the matching nvidia-* "
                + "wheel, or name the folder holding " + name + " in " + VARIABLE + ".");
    }

    private static List<Path> configured(Function<String, String> properties, Function<String, String> environment) {
        String v = properties.apply(PROPERTY);
        if (v == null || v.isBlank()) {
            v = environment.apply(VARIABLE);
        }
        List<Path> out = new ArrayList<>();
        if (v != null) {
            for (String p : v.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p.trim()));
                }
            }
        }
        return out;
    }

    private static Optional<NativeLibrary> tryDirectory(Path dir, String name, List<String> companions,
                                                        List<String> failures) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            for (String pattern : companions) {
                for (Path c : glob(dir, pattern)) {
                    SymbolLookup.libraryLookup(c, Arena.global());
                }
            }
            return Optional.of(new NativeLibrary(name, file.toString(), SymbolLookup.libraryLookup(file,
                    Arena.global())));
        } catch (IllegalArgumentException e) {
            failures.add(file + " exists but does not load: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The toolkit and Python-wheel folders that exist on this machine, in search order. */
    static List<Path> standardDirectories(Function<String, String> environment) {
        Set<Path> roots = new LinkedHashSet<>();
        for (String var : List.of("CUDA_HOME", "CUDA_PATH")) {
            String v = environment.apply(var);
            if (v != null && !v.isBlank()) {
                roots.add(Path.of(v));
            }
        }
        roots.add(Path.of("/usr/local/cuda"));
        List<Path> versions = glob(Path.of("/usr/local"), "cuda-*");
        versions.sort(Comparator.comparing(Path::toString).reversed());
        roots.addAll(versions);
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path r : roots) {
            for (String sub : List.of("lib64", "lib", "targets/x86_64-linux/lib")) {
                dirs.add(r.resolve(sub));
            }
        }
        for (Path site : sitePackages(environment)) {
            dirs.add(site.resolve("nvidia/cu13/lib"));
            for (Path pkg : glob(site.resolve("nvidia"), "*")) {
                dirs.add(pkg.resolve("lib"));
            }
        }
        dirs.add(Path.of("/usr/lib/x86_64-linux-gnu"));
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<Path> sitePackages(Function<String, String> environment) {
        List<Path> prefixes = new ArrayList<>();
        for (String var : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String v = environment.apply(var);
            if (v != null && !v.isBlank()) {
                prefixes.add(Path.of(v));
            }
        }
        prefixes.add(Path.of("/usr"));
        prefixes.add(Path.of("/usr/local"));
        String home = System.getProperty("user.home");
        if (home != null) {
            prefixes.add(Path.of(home, ".local"));
        }
        for (Path opt : glob(Path.of("/opt"), "*")) {
            prefixes.add(opt);
            prefixes.add(opt.resolve(".venv"));
        }
        List<Path> out = new ArrayList<>();
        for (Path p : prefixes) {
            for (Path py : glob(p.resolve("lib"), "python3*")) {
                out.add(py.resolve("site-packages"));
                out.add(py.resolve("dist-packages"));
            }
        }
        out.add(Path.of("/usr/lib/python3/dist-packages"));
        return out;
    }

    /** Entries of {@code dir} matching {@code pattern}, sorted; none when {@code dir} is missing. */
    private static List<Path> glob(Path dir, String pattern) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, pattern)) {
            for (Path p : s) {
                out.add(p);
            }
        } catch (IOException | SecurityException e) {
            return out;
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** A downcall handle for C function {@code symbol} of this library. */
    MethodHandle function(String symbol, FunctionDescriptor signature) {
        MemorySegment address = lookup.find(symbol).orElseThrow(() -> new CudaLibraryException(name
                + " from " + location + " has no function " + symbol + "; it is not the expected CUDA 13 library"));
        return Linker.nativeLinker().downcallHandle(address, signature);
    }
}
