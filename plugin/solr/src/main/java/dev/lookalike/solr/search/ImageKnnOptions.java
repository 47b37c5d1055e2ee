package dev.lookalike.solr.search;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.solr.node.SolrErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;

/**
 * The local parameters of {@code {!image_knn}}, checked: every error is a 400 that names the parameter and the
 * value.
 * <pre>
 * {!image_knn f=embedding topK=10 vector="[0.1, ...]"}          a vector, or
 * {!image_knn f=embedding topK=10 v=$img}  with img=&lt;base64&gt;    an image (the query string, or image=...), or
 * {!image_knn f=embedding topK=10 like=sku-1}                     the vector of a document, left out of the results
 *   numCandidates=100  minScore=0.8  rerank=true rerankWeight=0.05 rerankTemperature=0.5
 *   preFilter=... includeTags=... excludeTags=...                 as for {!knn}
 * </pre>
 * The query string ({@code v}) is a vector when it starts with {@code [}, else a base64 image. Exactly one of
 * {@code vector}, {@code image}, {@code like} and the query string must be given.
 *
 * @param field             the dense vector field
 * @param topK              how many documents each shard returns, 1 to {@value SimilarityQuery#MAX_K}
 * @param numCandidates     how many nearest documents are scored, {@code topK} to
 *                          {@value SimilarityQuery#MAX_CANDIDATES}
 * @param vector            the query vector as given (not yet checked against the field), or {@code null}
 * @param image             the base64 image, or {@code null}
 * @param like              the id of the document whose vector is the query, or {@code null}
 * @param minScore          the smallest score of a result, or {@code null}
 * @param rerank            whether to re-rank by proxy agreement
 * @param rerankWeight      the weight of agreement, or {@code null} for the model's
 * @param rerankTemperature the softmax temperature, or {@code null} for the default
 */
public record ImageKnnOptions(String field, int topK, int numCandidates, float[] vector, String image, String like,
        Float minScore, boolean rerank, Float rerankWeight, Float rerankTemperature) {

    /** {@code topK} when none is given, as for {@code {!knn}}. */
    public static final int DEFAULT_TOP_K = 10;

    private static final Set<String> PARAMETERS = Set.of("type", "v", "f", "topK", "numCandidates", "vector", "image",
            "like", "minScore", "rerank", "rerankWeight", "rerankTemperature", "preFilter", "includeTags",
            "excludeTags", "tag", "cache", "cost");

    /**
     * @param local the parser's local parameters, {@code $name} references already resolved by Solr
     * @return the options
     * @throws SolrException 400 naming the parameter and the value
     */
    public static ImageKnnOptions parse(SolrParams local) {
        for (String name : (Iterable<String>) local::getParameterNamesIterator) {
            if (!PARAMETERS.contains(name)) {
                throw SolrErrors.badRequest("{!image_knn} unknown parameter [" + name + "]; expected one of "
                        + new TreeSet<>(PARAMETERS));
            }
        }
        String field = local.get("f");
        if (field == null || field.isBlank()) {
            throw SolrErrors.badRequest("{!image_knn} parameter [f] is missing: name the dense vector field");
        }
        int topK = integer(local, "topK", DEFAULT_TOP_K);
        int candidates = integer(local, "numCandidates", -1);
        try {
            SimilarityQuery.requireK("{!image_knn} parameter [topK]", topK);
            candidates = candidates < 0 ? SimilarityQuery.defaultCandidates(topK) : candidates;
            SimilarityQuery.requireCandidates("{!image_knn} parameter [numCandidates]", topK, candidates);
        } catch (SearchInputException e) {
            throw SolrErrors.of(e);
        }
        List<String> given = new ArrayList<>();
        String vectorText = nonBlank(local, "vector", given);
        String image = nonBlank(local, "image", given);
        String like = nonBlank(local, "like", given);
        String query = nonBlank(local, "v", given);
        if (given.size() != 1) {
            throw SolrErrors.badRequest("{!image_knn} needs exactly one of [vector], [image], [like] and the query "
                    + "string (v), got " + (given.isEmpty() ? "none" : given));
        }
        if (query != null) {
            if (query.strip().startsWith("[")) {
                vectorText = query;
            } else {
                image = query;
            }
        }
        float[] vector = vectorText == null ? null
                : VectorText.parse(vectorText, "{!image_knn} parameter [" + (query != null ? "v" : "vector") + "]");
        Float minScore = decimal(local, "minScore");
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            throw SolrErrors.badRequest("{!image_knn} parameter [minScore] must be between 0 and 1 (scores are "
                    + "(1 + similarity) / 2), got " + minScore);
        }
        boolean rerank = bool(local, "rerank");
        Float weight = decimal(local, "rerankWeight");
        Float temperature = decimal(local, "rerankTemperature");
        try {
            if (weight != null) {
                SimilarityQuery.requireWeight("{!image_knn} parameter [rerankWeight]", weight);
            }
            SimilarityQuery.requireTemperature("{!image_knn} parameter [rerankTemperature]", temperature);
        } catch (SearchInputException e) {
            throw SolrErrors.of(e);
        }
        if (!rerank && (weight != null || temperature != null)) {
            throw SolrErrors.badRequest("{!image_knn} parameters [rerankWeight] and [rerankTemperature] need "
                    + "rerank=true");
        }
        return new ImageKnnOptions(field.strip(), topK, candidates, vector, image, like, minScore, rerank, weight,
                temperature);
    }

    private static String nonBlank(SolrParams local, String name, List<String> given) {
        String value = local.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank() && name.equals("v")) {
            return null; // {!image_knn f=e like=x} with nothing after the local parameters
        }
        if (value.isBlank()) {
            throw SolrErrors.badRequest("{!image_knn} parameter [" + name + "] is empty");
        }
        given.add(name);
        return value;
    }

    private static int integer(SolrParams local, String name, int fallback) {
        String value = local.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw SolrErrors.badRequest("{!image_knn} parameter [" + name + "] must be an integer, got '" + value
                    + "'");
        }
    }

    private static Float decimal(SolrParams local, String name) {
        String value = local.get(name);
        if (value == null) {
            return null;
        }
        try {
            float f = Float.parseFloat(value.strip());
            if (!Float.isFinite(f)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw SolrErrors.badRequest("{!image_knn} parameter [" + name + "] must be a number, got '" + value
                    + "'");
        }
    }

    private static boolean bool(SolrParams local, String name) {
        String value = local.get(name);
        if (value == null) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.strip());
        }
        throw SolrErrors.badRequest("{!image_knn} parameter [" + name + "] must be true or false, got '" + value
                + "'");
    }
}
