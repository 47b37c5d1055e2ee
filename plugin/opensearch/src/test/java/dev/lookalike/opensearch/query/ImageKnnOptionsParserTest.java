package dev.lookalike.opensearch.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilder;

class ImageKnnOptionsParserTest {

    private static ImageKnnQueryBuilder.Options parse(String json) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY,
                DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            parser.nextToken();
            return ImageKnnOptionsParser.parse(parser);
        }
    }

    private static void assertRefused(String json, String reason) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void readsEveryOptionAndKeepsDefaults() throws IOException {
        ImageKnnQueryBuilder.Options o = parse("""
                {"field": "embedding", "vector": [1, 2.5], "k": 5, "num_candidates": 50, "min_score": 0.75,
                 "rerank": {"weight": 0.4, "temperature": 0.2}, "ignore_unmapped": true, "boost": 2,
                 "_name": "visual"}""");
        assertEquals("embedding", o.field);
        assertArrayEquals(new float[] {1, 2.5f}, o.vector);
        assertEquals(5, o.k);
        assertEquals(50, o.numCandidates);
        assertEquals(0.75f, o.minScore);
        assertEquals(new RerankOptions(true, 0.4f, 0.2f), o.rerank);
        assertTrue(o.ignoreUnmapped);
        assertEquals(2f, o.boost);
        assertEquals("visual", o.queryName);

        ImageKnnQueryBuilder.Options defaults = parse("{\"field\": \"e\", \"like\": {\"index\": \"i\", \"id\": \"7\"}}");
        assertEquals(new LikeDocument("i", "7"), defaults.like);
        assertEquals(ImageKnnQueryBuilder.DEFAULT_K, defaults.k);
        assertNull(defaults.numCandidates);
        assertEquals(RerankOptions.OFF, defaults.rerank);
        assertEquals(new RerankOptions(true, null, null),
                parse("{\"field\": \"e\", \"image\": \"aGk=\", \"rerank\": {}}").rerank,
                "no weight given: the node model's default is taken when the query is built");
    }

    @Test
    void refusesBadOptionsNamingThem() {
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"kk\": 3}", "[image_knn] unknown field [kk]");
        assertRefused("{\"vector\": [1]}", "[image_knn] requires [field]");
        assertRefused("{\"field\": \"e\"}", "exactly one of [image], [vector] and [like], got 0");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"image\": \"aGk=\"}", "got 2");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"k\": 0}", "[image_knn][k]: must be between 1 and");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"k\": 1.5}", "[image_knn][k] must be an integer");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"k\": 20, \"num_candidates\": 10}",
                "[image_knn][num_candidates]: must be between k (20)");
        assertRefused("{\"field\": \"e\", \"vector\": [1, \"x\"]}", "[image_knn][vector] must hold only numbers");
        assertRefused("{\"field\": \"e\", \"vector\": \"1,2\"}", "[image_knn][vector] must be an array");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"rerank\": {\"weight\": 1.5}}",
                "[image_knn][rerank][weight]: must be between 0 and 1");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"rerank\": {\"temperature\": 0}}",
                "[image_knn][rerank][temperature]: must be a positive number");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"rerank\": {\"proxy\": true}}",
                "[image_knn][rerank] unknown field [proxy]");
        assertRefused("{\"field\": \"e\", \"like\": {\"index\": \"i\"}}", "[image_knn][like] needs both");
        assertRefused("{\"field\": \"e\", \"like\": {\"index\": \"i\", \"id\": \"\"}}",
                "[image_knn][like][id] must be a non-empty string");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"filter\": [1]}", "[image_knn][filter] must be a query");
        assertRefused("{\"field\": \"e\", \"vector\": [1], \"filter\": {\"term\": {\"x\": 1}}}",
                "[image_knn][filter] is not a valid query: ");
    }

    @Test
    void refusesAFilterNestedDeeperThanTheBoundInsteadOfOverflowingTheStack() {
        // Found by fuzzing: 300 nested bool queries overflowed the thread's stack in the query parsers.
        NamedXContentRegistry bool = new NamedXContentRegistry(List.of(new NamedXContentRegistry.Entry(
                QueryBuilder.class, new ParseField(BoolQueryBuilder.NAME), p -> BoolQueryBuilder.fromXContent(p))));
        String body = "{\"field\": \"e\", \"vector\": [1], \"filter\": " + "{\"bool\": {\"must\": [".repeat(300)
                + "{\"bool\": {}}" + "]}}".repeat(300) + "}";
        ParsingException e = assertThrows(ParsingException.class, () -> {
            try (XContentParser parser = JsonXContent.jsonXContent.createParser(bool,
                    DeprecationHandler.THROW_UNSUPPORTED_OPERATION, body)) {
                parser.nextToken();
                ImageKnnOptionsParser.parse(parser);
            }
        });
        assertEquals("[image_knn][filter] is nested deeper than 100 objects and arrays", e.getMessage());
    }
}
