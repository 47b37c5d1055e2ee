package dev.lookalike.solr.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    private static final Path HOME = Path.of("/var/solr/data");

    @Test
    void defaultsResolveAgainstTheSolrHome() {
        NodeSettings s = NodeSettings.parse(Map.of(), HOME, 8);
        assertEquals("fashion", s.model());
        assertEquals(HOME.resolve("lookalike/djl"), s.djlCache());
        assertEquals(4, s.inferenceThreads());
        assertEquals(100, s.inferenceQueueSize());
        assertEquals(10L * 1024 * 1024, s.limits().maxBytes());
        assertEquals(16_000_000L, s.limits().maxPixels());
        assertNull(s.fileRoot());
        assertEquals(List.of(), s.urlAllowList());
        assertEquals(java.time.Duration.ofSeconds(10), s.urlTimeout());
        assertEquals(1, NodeSettings.parse(Map.of(), HOME, 1).inferenceThreads());
    }

    @Test
    void readsEverySetting() {
        NodeSettings s = NodeSettings.parse(Map.of("lookalike.model", "models/shoes",
                "lookalike.djl_cache", "/tmp/djl", "lookalike.inference_threads", "3",
                "lookalike.inference_queue_size", "7", "lookalike.max_image_bytes", "1000",
                "lookalike.max_image_pixels", "2000", "lookalike.ingest.file_root", "images",
                "lookalike.ingest.url_allow_list", "Images.Example.com, cdn.example.com",
                "lookalike.ingest.url_timeout", "1500ms"), HOME, 8);
        assertEquals(HOME.resolve("models/shoes").toString(), s.model());
        assertEquals(Path.of("/tmp/djl"), s.djlCache());
        assertEquals(3, s.inferenceThreads());
        assertEquals(7, s.inferenceQueueSize());
        assertEquals(1000, s.limits().maxBytes());
        assertEquals(2000, s.limits().maxPixels());
        assertEquals(HOME.resolve("images"), s.fileRoot());
        assertEquals(List.of("images.example.com", "cdn.example.com"), s.urlAllowList());
        assertEquals(java.time.Duration.ofMillis(1500), s.urlTimeout());
        assertEquals(java.time.Duration.ofSeconds(2), NodeSettings.parse(Map.of("lookalike.ingest.url_timeout", "2s"),
                HOME, 2).urlTimeout());
        assertEquals("fashion-open-set", NodeSettings.parse(Map.of("lookalike.model", "fashion-open-set"), HOME, 2)
                .model());
    }

    @Test
    void refusesMalformedValuesAndUnknownSettingsNamingThem() {
        Map<Map<String, String>, String> cases = Map.of(
                Map.of("lookalike.inference_threads", "0"), "[lookalike.inference_threads] is '0', which must be between 1 and 64",
                Map.of("lookalike.inference_queue_size", "lots"), "[lookalike.inference_queue_size] is 'lots', which must be an integer",
                Map.of("lookalike.max_image_bytes", "-1"), "[lookalike.max_image_bytes] is '-1'",
                Map.of("lookalike.ingest.url_timeout", "10"), "[lookalike.ingest.url_timeout] is '10', which must be a positive duration",
                Map.of("lookalike.ingest.url_timeout", "0s"), "[lookalike.ingest.url_timeout] is '0s'",
                Map.of("lookalike.modle", "x"), "[lookalike.modle] is 'x', which is not a Lookalike setting");
        cases.forEach((props, expected) -> {
            SolrException e = assertThrows(SolrException.class, () -> NodeSettings.parse(props, HOME, 2));
            assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should contain '" + expected + "'");
        });
    }

    @Test
    void aMisspeltSettingAmongTheNodesSystemPropertiesIsRefused() {
        System.setProperty("lookalike.max_image_pixel", "1000");
        try {
            SolrException e = assertThrows(SolrException.class, () -> NodeSettings.fromSystemProperties(HOME));
            assertTrue(e.getMessage().contains("lookalike.max_image_pixel"), e.getMessage());
            assertTrue(e.getMessage().contains("lookalike.max_image_pixels"), "names the settings there are");
        } finally {
            System.clearProperty("lookalike.max_image_pixel");
        }
        assertEquals("fashion", NodeSettings.fromSystemProperties(HOME).model());
    }
}
