package dev.lookalike.tools.bench.soak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.tools.bench.FashionPngs;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bodies of the soak's requests: the index and its pipeline, documents, and the {@code image_knn} searches.
 * Documents carry {@code rev} and a title naming it, the category of their image, and {@code image}, the index of
 * that image in the soak's sample, so that the final check can tell a stale document from a current one.
 *
 * @param index    the soak's index
 * @param pipeline its {@code image_embedding} pipeline
 * @param images   the images documents and searches are made of
 */
record SoakRequests(String index, String pipeline, FashionPngs images) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Candidates per shard: enough for a filtered search to fill its top 10. */
    static final int CANDIDATES = 100;
    static final int K = 10;

    /**
     * @param shards   primary shards
     * @param replicas replicas of each
     * @return the index's settings and mappings
     */
    static String indexBody(int shards, int replicas) {
        return "{\"settings\": {\"number_of_shards\": " + shards + ", \"number_of_replicas\": " + replicas + "},"
                + " \"mappings\": {\"properties\": {\"embedding\": {\"type\": \"image_vector\"},"
                + " \"category\": {\"type\": \"keyword\"}, \"title\": {\"type\": \"text\"},"
                + " \"rev\": {\"type\": \"long\"}, \"image\": {\"type\": \"integer\"}}}}";
    }

    /** @return the pipeline: embeds {@code image_base64} into {@code embedding} and drops the base64 */
    static String pipelineBody() {
        return "{\"description\": \"lookalike bench soak\", \"processors\": [{\"image_embedding\": {\"field\":"
                + " \"image_base64\", \"target_field\": \"embedding\", \"remove_image\": true}}]}";
    }

    /**
     * @param id    the document
     * @param rev   its revision
     * @param image the image it is embedded from
     * @return what the node should hold once the document is written through the pipeline
     */
    WriteLedger.Expected expected(String id, long rev, int image) {
        String category = images.categories().get(image);
        return new WriteLedger.Expected(rev, title(id, rev, category), category, image, false);
    }

    /**
     * @param expected the document as it will be acknowledged
     * @return its source for the pipeline: the expected fields and the image in base64
     */
    String documentWithImage(WriteLedger.Expected expected) {
        return json(fields(expected).put("image_base64", base64(expected.image())));
    }

    /**
     * @param expected the document after a partial update that keeps its image
     * @return the body of {@code _update}
     */
    static String partialUpdate(WriteLedger.Expected expected) {
        ObjectNode body = JSON.createObjectNode();
        body.set("doc", JSON.createObjectNode().put("rev", expected.rev()).put("title", expected.title())
                .put("category", expected.category()));
        return json(body);
    }

    /**
     * @param id       the document
     * @param rev      its revision
     * @param category its category
     * @return its title, which names its revision
     */
    static String title(String id, long rev, String category) {
        return (rev % 3 == 0 ? "Striped " : "Plain ") + category + " " + id + " rev " + rev;
    }

    /**
     * @param image    the query image
     * @param category the category the results must have
     * @return a search by image, filtered by category, re-ranked by the catalogue's proxies
     */
    String searchByImage(int image, String category) {
        return search(knn -> {
            knn.put("image", base64(image));
            knn.putObject("filter").putObject("term").put("category", category);
            knn.putObject("rerank").put("proxies", true);
        });
    }

    /**
     * @param vector the query vector
     * @return a search by vector, filtered on the title's text, re-ranked at weight 0.5
     */
    String searchByVector(float[] vector) {
        return search(knn -> {
            ArrayNode array = knn.putArray("vector");
            for (float x : vector) {
                array.add(x);
            }
            knn.putObject("filter").putObject("match").put("title", "plain");
            knn.putObject("rerank").put("weight", 0.5);
        });
    }

    /**
     * @param id       an indexed document
     * @param excluded a category the results must not have
     * @return a search like the document, with a {@code bool} filter, re-ranked by the catalogue's proxies
     */
    String searchLike(String id, String excluded) {
        return search(knn -> {
            knn.putObject("like").put("index", index).put("id", id);
            knn.putObject("filter").putObject("bool").putArray("must_not").addObject().putObject("term")
                    .put("category", excluded);
            knn.putObject("rerank").put("proxies", true);
        });
    }

    /** @return the body of a catalogue-proxy refresh of the index's {@code embedding} by {@code category} */
    static String proxyRefresh() {
        return "{\"field\": \"embedding\", \"category_field\": \"category\"}";
    }

    /**
     * @param image an image of the sample
     * @return the body of {@code _plugins/lookalike/_embed}
     */
    String embed(int image) {
        return json(JSON.createObjectNode().put("image", base64(image)));
    }

    private String search(Consumer<ObjectNode> options) {
        ObjectNode knn = JSON.createObjectNode().put("field", "embedding").put("k", K)
                .put("num_candidates", CANDIDATES);
        options.accept(knn);
        ObjectNode body = JSON.createObjectNode().put("size", K);
        body.putArray("_source").add("title");
        body.putObject("query").set("image_knn", knn);
        return json(body);
    }

    private static ObjectNode fields(WriteLedger.Expected expected) {
        return JSON.createObjectNode().put("rev", expected.rev()).put("title", expected.title())
                .put("category", expected.category()).put("image", expected.image());
    }

    private String base64(int image) {
        return Base64.getEncoder().encodeToString(images.pngs().get(image));
    }

    private static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the category names of the sample, in the order first seen */
    List<String> categories() {
        return images.categories().stream().distinct().toList();
    }
}
