package dev.lookalike.solr.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

class VectorTextTest {

    @Test
    void parsesWhatItFormats() {
        float[] v = {0.25f, -1f, 3.5e-3f};
        assertArrayEquals(v, VectorText.parse(VectorText.format(v), "[v]"));
        assertArrayEquals(new float[] {1, 2}, VectorText.parse(" [ 1 ,2 ] ", "[v]"));
    }

    @Test
    void refusesTextThatIsNotAVector() {
        for (String bad : new String[] {"1, 2", "[]", "[1,,2]", "[1, x]"}) {
            SolrException e = assertThrows(SolrException.class, () -> VectorText.parse(bad, "[v]"));
            assertEquals(400, e.code());
            assertTrue(e.getMessage().startsWith("[v]"), e.getMessage());
        }
    }

    @Test
    void readsStoredListsOfNumbers() {
        assertArrayEquals(new float[] {1, 0.5f}, VectorText.fromStored(List.of(1.0, 0.5f), "[v]"));
        assertNull(VectorText.fromStored(null, "[v]"));
        assertNull(VectorText.fromStored(List.of(), "[v]"));
        assertThrows(SolrException.class, () -> VectorText.fromStored(List.of("a"), "[v]"));
    }
}
