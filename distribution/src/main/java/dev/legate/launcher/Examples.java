package dev.legate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The registry of bundled examples that {@code legate --example NAME} runs, read from {@code
 * examples.properties} beside this class. Each line is {@code NAME = MODULE/CLASS | description};
 * adding an example is adding a line there (and its module to the image, see images/*.modules).
 * An example whose module an image lacks is not offered by that image.
 */
final class Examples {
    /** A registered example. */
    record Example(String name, String module, String mainClass, String description) {
    }

    private final List<Example> all;

    private Examples(List<Example> all) {
        this.all = List.copyOf(all);
    }

    /** The registry bundled with the launcher. */
    static Examples bundled() {
        try (InputStream in = Examples.class.getResourceAsStream("examples.properties")) {
            if (in == null) {
                throw new IllegalStateException("examples.properties is missing from module dev.legate.launcher");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example registry", e);
        }
    }

    /**
     * Parses a registry in the {@code examples.properties} format.
     *
     * @throws IllegalArgumentException naming an entry that is not {@code MODULE/CLASS | description}
     */
    static Examples parse(String text) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> list = new ArrayList<>();
        for (String name : p.stringPropertyNames()) {
            String value = p.getProperty(name);
            int bar = value.indexOf('|');
            String main = (bar < 0 ? value : value.substring(0, bar)).trim();
            String description = bar < 0 ? "" : value.substring(bar + 1).trim();
            int slash = main.indexOf('/');
            if (slash <= 0 || slash == main.length() - 1 || main.indexOf('/', slash + 1) >= 0) {
                throw new IllegalArgumentException("example '" + name + "': expected MODULE/CLASS | description, got '"
                        + value + "'");
            }
            list.add(new Example(name, main.substring(0, slash), main.substring(slash + 1), description));
        }
        list.sort(Comparator.comparing(Example::name));
        return new Examples(list);
    }

    /** Every registered example, by name. */
    List<Example> all() {
        return all;
    }

    /** The example called {@code name}. */
    Optional<Example> find(String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
