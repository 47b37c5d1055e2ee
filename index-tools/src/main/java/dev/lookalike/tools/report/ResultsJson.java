package dev.lookalike.tools.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.tools.search.QueryInput;

/**
 * One query's results as one line of JSON:
 * <pre>
 * {"query": {"image"|"id"|"vector": …},
 *  "predicted_category": {"name": …, "probability": …} | null,
 *  "results": [{"id", "score", "category", "title", "image", "similarity", "proxy", "text"}, …]}
 * </pre>
 * {@code proxy} is the proxy agreement (null without re-ranking), {@code text} the normalised BM25 part
 * (null without {@code --text}).
 */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsJson() {
    }

    /**
     * @param query   the query
     * @param results its results
     * @return the JSON line, without a line break
     */
    public static String line(QueryInput query, SearchResults results) {
        ObjectNode root = JSON.createObjectNode();
        root.set("query", query.toJson());
        if (results.queryCategory() == null) {
            root.putNull("predicted_category");
        } else {
            root.putObject("predicted_category").put("name", results.queryCategory().category())
                    .put("probability", results.queryCategory().probability());
        }
        ArrayNode hits = root.putArray("results");
        for (SearchHit hit : results.hits()) {
            hits.addObject().put("id", hit.id()).put("score", hit.score()).put("category", hit.category())
                    .put("title", hit.title()).put("image", hit.image())
                    .put("similarity", hit.parts().similarity()).put("proxy", hit.parts().agreement())
                    .put("text", hit.parts().text());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise results", e);
        }
    }
}
