package dev.lookalike.solr.search;

import dev.lookalike.solr.node.SolrErrors;
import java.util.Arrays;
import java.util.List;
import org.apache.solr.common.SolrException;

/**
 * Reads a vector as Solr writes one in a request, {@code [0.1, -0.2, ...]}, or as a stored field holds one (a
 * list of numbers). The numbers are returned as they are; the core's {@code UnitVectors} checks dimension,
 * finiteness and length against the field. Costs O(dimension).
 */
public final class VectorText {

    private VectorText() {
    }

    /**
     * @param text the vector
     * @param name how the request names it, e.g. {@code {!image_knn} parameter [vector]}
     * @return the numbers
     * @throws SolrException 400 naming it if the text is not a bracketed, comma-separated list of numbers
     */
    public static float[] parse(String text, String name) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw SolrErrors.badRequest(name + " must be a vector like [0.1, 0.2], got '" + abbreviate(t) + "'");
        }
        String body = t.substring(1, t.length() - 1).strip();
        if (body.isEmpty()) {
            throw SolrErrors.badRequest(name + " is an empty vector");
        }
        String[] parts = body.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw SolrErrors.badRequest(name + " holds '" + abbreviate(parts[i].strip()) + "' at position " + i
                        + ", not a number");
            }
        }
        return out;
    }

    /**
     * @param value a stored field's value: a list of numbers
     * @param name  how to name it in errors
     * @return the numbers, or {@code null} when the value is missing or empty
     * @throws SolrException 400 naming it if the value is not a list of numbers
     */
    public static float[] fromStored(Object value, String name) {
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw SolrErrors.badRequest(name + " is not a list of numbers: " + abbreviate(String.valueOf(value)));
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw SolrErrors.badRequest(name + " holds " + list.get(i) + " at position " + i + ", not a number");
            }
            out[i] = n.floatValue();
        }
        return out;
    }

    /**
     * @param vector numbers
     * @return the text form, {@code [0.1, 0.2]}
     */
    public static String format(float[] vector) {
        return Arrays.toString(vector);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
