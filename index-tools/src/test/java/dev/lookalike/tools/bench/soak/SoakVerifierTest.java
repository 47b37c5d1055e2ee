package dev.lookalike.tools.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoakVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WriteLedger.Expected doc(String id, long rev, int image) {
        return new WriteLedger.Expected(rev, SoakRequests.title(id, rev, "Bag"), "Bag", image, false);
    }

    private static JsonNode source(WriteLedger.Expected e) {
        ObjectNode source = JSON.createObjectNode().put("rev", e.rev()).put("title", e.title())
                .put("category", e.category()).put("image", e.image());
        source.putArray("embedding").add(0.5).add(0.5);
        return source;
    }

    private final Map<String, WriteLedger.Expected> expected = new HashMap<>();
    private final Map<String, JsonNode> found = new HashMap<>();

    SoakVerifierTest() {
        for (int i = 0; i < 4; i++) {
            WriteLedger.Expected e = doc("d" + i, 1 + i, i);
            expected.put("d" + i, e);
            found.put("d" + i, source(e));
        }
        expected.put("gone", new WriteLedger.Expected(2, null, null, -1, true));
    }

    @Test
    void everyDocumentAsLastWrittenAndTheDeletedOneGonePasses() {
        SoakResult.Verification v = SoakVerifier.compare(expected, Set.of(), found, 4);
        assertTrue(v.passed(), v::toString);
        assertEquals(4, v.expectedPresent());
        assertEquals(1, v.expectedDeleted());
    }

    @Test
    void anOlderRevisionIsStaleAndAMissingOneLost() {
        found.put("d2", source(doc("d2", 2, 2)));
        found.remove("d3");
        SoakResult.Verification v = SoakVerifier.compare(expected, Set.of(), found, 3);
        assertFalse(v.passed());
        assertEquals(1, v.stale(), v::toString);
        assertEquals(1, v.lost(), v::toString);
        assertTrue(v.problems().stream().anyMatch(p -> p.startsWith("d2 should be rev 3")), v::toString);
        assertTrue(v.problems().contains("d3 rev 4 was acknowledged and is not there"), v::toString);
    }

    @Test
    void aDocumentWithoutItsVectorIsStale() {
        ObjectNode noVector = (ObjectNode) source(expected.get("d1"));
        noVector.remove("embedding");
        found.put("d1", noVector);
        assertEquals(1, SoakVerifier.compare(expected, Set.of(), found, 4).stale());
    }

    @Test
    void aDeletedDocumentThatIsBackIsResurrectedAndACountBeyondTheLedgerFails() {
        found.put("gone", source(doc("gone", 2, 0)));
        SoakResult.Verification v = SoakVerifier.compare(expected, Set.of(), found, 5);
        assertEquals(1, v.resurrected(), v::toString);
        assertFalse(v.passed());
        found.remove("gone");
        SoakResult.Verification extra = SoakVerifier.compare(expected, Set.of(), found, 6);
        assertFalse(extra.passed(), "two documents the ledger does not know");
        assertTrue(extra.problems().get(0).startsWith("_count is 6"), extra::toString);
    }

    @Test
    void uncertainDocumentsAreNotCheckedButBoundTheCount() {
        found.remove("d0");
        SoakResult.Verification v = SoakVerifier.compare(expected, Set.of("d0", "w9"), found, 5);
        assertTrue(v.passed(), v::toString);
        assertEquals(3, v.expectedPresent());
        assertEquals(2, v.uncertain());
        assertFalse(SoakVerifier.compare(expected, Set.of("d0", "w9"), found, 6).passed());
    }
}
