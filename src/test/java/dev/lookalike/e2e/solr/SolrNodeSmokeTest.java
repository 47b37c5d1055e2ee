package dev.lookalike.e2e.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's standalone node serves Solr's own dense vectors: a core made from the {@code vectors} configset,
 * a few dozen unit vectors indexed over HTTP, and {@code {!knn}} with a category {@code fq} that acts as a
 * pre-filter, checked against a brute-force oracle; and a plug-in zip installed by the launcher reaches the
 * node's cores through {@code <solr_home>/lib}.
 */
class SolrNodeSmokeTest {

    private static final List<String> CATEGORIES = List.of("shirt", "shoe", "bag");
    private static final VectorDocs DOCS = VectorDocs.random(48, CATEGORIES, 13);

    private static final String MARKER_RESOURCE = "lookalike-e2e-stopwords.txt";

    private static SolrNode node;
    private static Path pluginDir;

    @BeforeAll
    static void startNodeAndIndex() throws Exception {
        pluginDir = Files.createTempDirectory("lookalike-solr-plugin-");
        node = SolrNode.start(List.of(markerPlugin(pluginDir)), List.of(configSet()));
        SolrResponse core = node.get("admin/cores",
                Map.of("action", "CREATE", "name", "items", "configSet", "vectors"));
        assertEquals(200, core.status(), () -> core + "\n" + node.logTail());
        SolrResponse indexed = node.post("items/update", Map.of("commit", "true"), DOCS.toUpdateJson());
        assertEquals(200, indexed.status(), indexed::toString);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        if (pluginDir != null) {
            try (var files = Files.walk(pluginDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + pluginDir + ": " + e);
            }
        }
    }

    /** @return the launcher's test configset, as the e2e module's build names it */
    static Path configSet() {
        return Path.of(System.getProperty("lookalike.solr.configsets", "../solr-node/configsets")).resolve("vectors");
    }

    @Test
    void knnWithCategoryFilterReturnsOnlyThatCategoryNearestFirst() throws Exception {
        float[] query = VectorDocs.unitVector(new Random(7));
        for (String category : CATEGORIES) {
            SolrResponse answer = node.get("items/select", Map.of("q", VectorDocs.knnQuery(query, 10),
                    "fq", "category:" + category, "fl", "id,category,score", "rows", "10"));
            assertEquals(200, answer.status(), answer::toString);
            List<String> ids = new ArrayList<>();
            for (JsonNode doc : answer.docs()) {
                assertEquals(category, doc.path("category").asText(), answer::toString);
                ids.add(doc.path("id").asText());
            }
            // 16 documents per category, so the filter leaves more than topK: the pre-filter must still give 10.
            List<String> expected = DOCS.nearest(query, category, 10);
            assertEquals(expected.getFirst(), ids.getFirst(), () -> "nearest neighbour in " + category + ": " + answer);
            assertEquals(expected, ids, () -> "top 10 in " + category + ": " + answer);
            // Solr scores dot_product as (1 + dot) / 2.
            int best = DOCS.ids().indexOf(expected.getFirst());
            double score = (1 + VectorDocs.dot(query, DOCS.vectors().get(best))) / 2;
            assertEquals(score, answer.docs().get(0).path("score").asDouble(), 1e-5, answer::toString);
        }
    }

    @Test
    void coresSeeTheJarsOfAnInstalledPluginZip() throws Exception {
        // The test plug-in's only jar holds a stop-word list; a core can use it only through <solr_home>/lib.
        assertTrue(Files.isRegularFile(node.home().resolve("lib").resolve("marker.jar")));
        SolrResponse core = node.get("admin/cores",
                Map.of("action", "CREATE", "name", "marked", "configSet", "vectors"));
        assertEquals(200, core.status(), core::toString);
        SolrResponse schema = node.post("marked/schema", Map.of(), """
                {"add-field-type": {"name": "text_marked", "class": "solr.TextField", "analyzer": {
                   "tokenizer": {"name": "standard"}, "filters": [{"name": "stop", "words": "%s"}]}},
                 "add-field": {"name": "marked", "type": "text_marked", "indexed": true, "stored": true}}
                """.formatted(MARKER_RESOURCE));
        assertEquals(200, schema.status(), () -> schema + "\n" + node.logTail());
        SolrResponse indexed = node.post("marked/update", Map.of("commit", "true"),
                "[{\"id\": \"m1\", \"marked\": \"zzzmarker hello\"}]");
        assertEquals(200, indexed.status(), indexed::toString);
        assertEquals(1, hits("marked:hello"));
        assertEquals(0, hits("marked:zzzmarker"), "the plug-in's stop word was indexed: its jar was not used");
    }

    private static long hits(String q) throws Exception {
        SolrResponse answer = node.get("marked/select", Map.of("q", q));
        assertEquals(200, answer.status(), answer::toString);
        return answer.body().path("response").path("numFound").asLong();
    }

    /**
     * Writes a plug-in zip as a release would lay it out (its jars in a folder inside the zip) holding one jar with
     * a stop-word list: enough to tell whether the node's cores load what the zip installs.
     */
    private static Path markerPlugin(Path dir) throws IOException {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar)) {
            out.putNextEntry(new JarEntry(MARKER_RESOURCE));
            out.write("zzzmarker\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path zip = dir.resolve("lookalike-e2e-marker.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lookalike-e2e-marker/README.txt"));
            out.write("not a jar: not installed\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lookalike-e2e-marker/lib/marker.jar"));
            out.write(jar.toByteArray());
            out.closeEntry();
        }
        return zip;
    }
}
