package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A node whose Lookalike settings point where OpenSearch does not let plug-ins read or write refuses to start,
 * and says which setting is wrong; the harness shows that in its failure and leaves no node behind.
 */
class NodeSettingsValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"lookalike.model, /srv/lookalike/models/shoes", "lookalike.djl_cache, /var/cache/lookalike-djl"})
    void settingOutsideTheNodesPathsStopsTheNodeNamingTheSetting(String setting, String path) {
        AssertionError failure = assertThrows(AssertionError.class, () -> OpenSearchNode.start(
                Path.of(System.getProperty("lookalike.opensearch.distribution")),
                List.of(Path.of(System.getProperty("lookalike.opensearch.plugin"))), Map.of(setting, path)).close());
        assertTrue(failure.getMessage().contains("exited"), failure.getMessage());
        assertTrue(failure.getMessage().contains("[" + setting + "] is " + path), failure.getMessage());
    }
}
