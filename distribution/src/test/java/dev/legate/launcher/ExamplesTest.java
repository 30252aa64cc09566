package dev.legate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void parsesEntriesSortedByName() {
        Examples ex = Examples.parse("""
                # comment
                zeta = m.z/p.Z | last one
                alpha=m.a/p.A|first one
                bare = m.b/p.B
                """);
        assertEquals(List.of("alpha", "bare", "zeta"), ex.all().stream().map(Examples.Example::name).toList());
        assertEquals(Optional.of(new Examples.Example("alpha", "m.a", "p.A", "first one")), ex.find("alpha"));
        assertEquals("", ex.find("bare").orElseThrow().description());
    }

    @Test
    void aMalformedEntryIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Examples.parse("bad = p.NoModule | text"));
        assertTrue(e.getMessage().startsWith("example 'bad': expected MODULE/CLASS"), e.getMessage());
    }

    @Test
    void theBundledRegistryParses() {
        assertTrue(Examples.bundled().find("hello").isPresent());
    }
}
