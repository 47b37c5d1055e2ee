package dev.lookalike.e2e.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's SolrCloud: ZooKeeper and three node processes, a collection of 2 shards × 2 replicas from the
 * {@code vectors} configset; every node answers {@code {!knn}} with the same, exact results, and after one node is
 * killed (SIGKILL, no clean leave) the others still answer with {@code shards.tolerant=true}.
 */
class SolrCloudSmokeTest {

    private static final String COLLECTION = "items";
    private static final VectorDocs DOCS = VectorDocs.random(60, List.of("shirt", "shoe"), 17);

    private static SolrCloud cloud;

    @BeforeAll
    static void startCloudAndIndex() throws Exception {
        cloud = SolrCloud.start(3, List.of(), List.of(SolrNodeSmokeTest.configSet()));
        cloud.createCollection(COLLECTION, "vectors", 2, 2);
        SolrResponse indexed = cloud.node(0).post(COLLECTION + "/update", Map.of("commit", "true"),
                DOCS.toUpdateJson());
        assertEquals(200, indexed.status(), indexed::toString);
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void everyNodeAnswersTheSameExactNeighboursAndSurvivesTheLossOfOne() throws Exception {
        float[] query = VectorDocs.unitVector(new Random(5));
        Map<String, String> params = Map.of("q", VectorDocs.knnQuery(query, 10), "fl", "id,score", "rows", "10");
        List<String> expected = DOCS.nearest(query, null, 10);
        for (int i = 0; i < cloud.size(); i++) {
            SolrResponse answer = cloud.node(i).get(COLLECTION + "/select", params);
            assertEquals(200, answer.status(), answer::toString);
            assertEquals(DOCS.ids().size(), countAll(cloud.node(i)), "documents seen from node " + i);
            // topK applies per shard; merged, the two shards' best give the collection's exact top 10.
            assertEquals(expected, ids(answer), "node " + i + ": " + answer);
        }

        cloud.node(2).kill();
        assertFalse(cloud.node(2).isRunning());
        Map<String, String> tolerant = new java.util.HashMap<>(params);
        tolerant.put("shards.tolerant", "true");
        for (int i = 0; i < 2; i++) {
            SolrResponse answer = cloud.node(i).get(COLLECTION + "/select", tolerant);
            assertEquals(200, answer.status(), () -> answer + "\n" + cloud.node(0).logTail());
            List<String> ids = ids(answer);
            assertFalse(ids.isEmpty(), answer::toString);
            // Every shard keeps a live replica, so unless Solr says the answer is partial it must be complete.
            if (!answer.body().path("responseHeader").path("partialResults").asBoolean(false)) {
                assertEquals(expected, ids, "node " + i + " after node 2 was killed: " + answer);
            } else {
                assertTrue(expected.containsAll(ids), answer::toString);
            }
        }
    }

    private static long countAll(SolrNode node) throws Exception {
        SolrResponse all = node.get(COLLECTION + "/select", Map.of("q", "*:*", "rows", "0"));
        assertEquals(200, all.status(), all::toString);
        return all.body().path("response").path("numFound").asLong();
    }

    private static List<String> ids(SolrResponse answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode doc : answer.docs()) {
            ids.add(doc.path("id").asText());
        }
        return ids;
    }
}
