package dev.lookalike.solr.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookalikeNodeTest {

    @TempDir
    Path home;

    @Test
    void anUnreadableModelIsRefusedByARootExceptionNamingTheSetting() {
        // Solr's "Unable to create core [x] Caused by: ..." shows the root cause's message only.
        try (LookalikeNode node = LookalikeNode.create(NodeSettings.parse(Map.of("lookalike.model", "/nonexistent"),
                home, 2))) {
            SolrException e = assertThrows(SolrException.class, node::bundle);
            assertNull(e.getCause(), "the message naming the setting is the root cause's");
            assertTrue(e.getMessage().contains("[lookalike.model] is /nonexistent"), e.getMessage());
            assertEquals(1, e.getSuppressed().length, "the analyzer's failure is kept for the log");
        }
    }
}
