package dev.lookalike.tools.bench.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.tools.bench.corpus.FilterSelectivity;
import java.util.Locale;

/**
 * The searches {@code lookalike bench solr} compares on one Solr node, on the same field and so the same HNSW
 * graph: Lookalike's {@code {!image_knn}} (plain, with a 1 % {@code fq}, with proxy re-ranking) and Solr's own
 * {@code {!knn}}. Solr's {@code {!knn}} explores as many candidates as its {@code topK}, so it runs twice: as
 * users write it ({@code topK} = k) and asking for as many candidates as {@code {!image_knn}} explores, of which
 * the best k are returned: the pair to compare at the same recall. Each is a JSON Request API body that returns
 * ids only.
 */
public enum SolrSearchKind {

    /** {@code {!image_knn}} by vector. */
    IMAGE_KNN("lookalike {!image_knn}", true, null, false, false),
    /** {@code {!image_knn}} with a 1 % {@code fq} applied inside the HNSW walk. */
    IMAGE_KNN_FILTERED("lookalike {!image_knn}, 1 % fq", true, FilterSelectivity.ONE_PERCENT, false, false),
    /** {@code {!image_knn}} with proxy re-ranking at the model's weight. */
    IMAGE_KNN_RERANK("lookalike {!image_knn} + rerank", true, null, true, false),
    /** Solr's {@code {!knn}} with {@code topK} = k: as users write it. */
    KNN("solr {!knn} topK=k", false, null, false, false),
    /** Solr's {@code {!knn}} exploring as many candidates as {@code {!image_knn}}, the best k returned. */
    KNN_CANDIDATES("solr {!knn} topK=candidates", false, null, false, true),
    /** Solr's {@code {!knn}} with the same candidates and the 1 % {@code fq}. */
    KNN_CANDIDATES_FILTERED("solr {!knn} topK=candidates, 1 % fq", false, FilterSelectivity.ONE_PERCENT, false,
            true);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final boolean lookalike;
    private final FilterSelectivity filter;
    private final boolean rerank;
    private final boolean allCandidates;

    SolrSearchKind(String label, boolean lookalike, FilterSelectivity filter, boolean rerank, boolean allCandidates) {
        this.label = label;
        this.lookalike = lookalike;
        this.filter = filter;
        this.rerank = rerank;
        this.allCandidates = allCandidates;
    }

    /** @return how tables name this kind */
    public String label() {
        return label;
    }

    /** @return the filter it applies, or {@code null} */
    public FilterSelectivity filter() {
        return filter;
    }

    /** @return whether re-ranking moves items out of the exact top k on purpose (its recall is not HNSW's) */
    public boolean reranks() {
        return rerank;
    }

    /**
     * @param field      the vector field
     * @param vector     the query vector
     * @param k          results wanted
     * @param candidates nearest candidates to explore
     * @return the request body for {@code /select}
     */
    public String body(String field, float[] vector, int k, int candidates) {
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            v.append(i == 0 ? "" : ",").append(vector[i]);
        }
        v.append(']');
        String local = lookalike
                ? String.format(Locale.ROOT, "{!image_knn f=%s topK=%d numCandidates=%d%s}", field, k, candidates,
                        rerank ? " rerank=true" : "")
                : String.format(Locale.ROOT, "{!knn f=%s topK=%d}", field, allCandidates ? candidates : k);
        ObjectNode body = JSON.createObjectNode().put("query", local + v).put("limit", k).put("fields", "id");
        if (filter != null) {
            body.putArray("filter").add("{!term f=" + SolrBenchCore.TAG_FIELD + "}" + filter.value());
        }
        return body.toString();
    }
}
