package dev.lookalike.e2e.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Seeded random unit vectors as Solr documents of the launcher's {@code vectors} configset ({@code id},
 * {@code category}, {@code title}, a 64-dimensional {@code vector}), with a brute-force oracle for their nearest
 * neighbours by dot product.
 *
 * @param ids        the documents' ids
 * @param categories their categories
 * @param vectors    their unit vectors
 */
record VectorDocs(List<String> ids, List<String> categories, List<float[]> vectors) {

    /** The configset's vector dimension. */
    static final int DIMENSION = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param count      how many documents
     * @param categories their categories, given in turn
     * @param seed       the random seed
     * @return the documents
     */
    static VectorDocs random(int count, List<String> categories, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("doc-" + i);
            cats.add(categories.get(i % categories.size()));
            vectors.add(unitVector(random));
        }
        return new VectorDocs(ids, cats, vectors);
    }

    /**
     * @param random the source
     * @return a random unit vector
     */
    static float[] unitVector(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIMENSION; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** @return the documents as a JSON array for Solr's {@code /update} */
    String toUpdateJson() {
        ArrayNode docs = JSON.createArrayNode();
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode doc = docs.addObject().put("id", ids.get(i)).put("category", categories.get(i))
                    .put("title", "item " + i + " in " + categories.get(i));
            ArrayNode vector = doc.putArray("vector");
            for (float x : vectors.get(i)) {
                vector.add(x);
            }
        }
        return docs.toString();
    }

    /**
     * @param query    a query vector
     * @param category only documents of this category, or {@code null} for all
     * @param k        how many
     * @return the ids of the k documents with the highest dot product with the query, best first
     */
    List<String> nearest(float[] query, String category, int k) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (category == null || category.equals(categories.get(i))) {
                candidates.add(i);
            }
        }
        return candidates.stream().sorted(Comparator.comparingDouble((Integer i) -> -dot(query, vectors.get(i))))
                .limit(k).map(ids::get).toList();
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return their dot product
     */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    /**
     * @param query a vector
     * @param topK  Solr's {@code topK}
     * @return a {@code {!knn}} query for the configset's {@code vector} field
     */
    static String knnQuery(float[] query, int topK) {
        StringBuilder q = new StringBuilder("{!knn f=vector topK=" + topK + "}[");
        for (int d = 0; d < query.length; d++) {
            q.append(d == 0 ? "" : ",").append(query[d]);
        }
        return q.append(']').toString();
    }
}
