package dev.lookalike.opensearch.mapper;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.UnitVectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.opensearch.core.xcontent.XContentParser;

/**
 * Reads an {@code image_vector} value (an array of numbers) from a document or a query and normalises it to
 * unit length by the core's rule ({@link UnitVectors#normalised}), the form the model's embeddings and the
 * HNSW graph use. Costs O(dimension).
 */
public final class VectorValues {

    private VectorValues() {
    }

    /**
     * @param parser    a parser positioned on the value's {@code START_ARRAY}
     * @param field     the field the value belongs to, for messages
     * @param dimension how many numbers the array must hold
     * @return the normalised vector; the parser is left on the {@code END_ARRAY}
     * @throws IllegalArgumentException naming the field if the value is not an array of {@code dimension}
     *                                  finite numbers with a non-zero length
     * @throws IOException              if the parser fails
     */
    public static float[] parse(XContentParser parser, String field, int dimension) throws IOException {
        String name = "[" + field + "]";
        return normalised(read(parser, name), name, dimension);
    }

    /**
     * Reads an array of numbers as it is.
     *
     * @param parser a parser positioned on the array's {@code START_ARRAY}
     * @param name   how the field or option is named in messages, e.g. {@code [image_knn][vector]}
     * @return the numbers; the parser is left on the {@code END_ARRAY}
     * @throws IllegalArgumentException naming it if the value is not an array of numbers
     * @throws IOException              if the parser fails
     */
    public static float[] read(XContentParser parser, String name) throws IOException {
        if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
            throw new IllegalArgumentException(name + " must be an array of numbers, got " + parser.currentToken());
        }
        float[] values = new float[64];
        int n = 0;
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_ARRAY; t = parser.nextToken()) {
            if (t != XContentParser.Token.VALUE_NUMBER) {
                throw new IllegalArgumentException(name + " must hold only numbers, got " + t + " at position " + n);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * values.length);
            }
            values[n++] = parser.floatValue();
        }
        return Arrays.copyOf(values, n);
    }

    /**
     * @param vector    a vector, left unchanged
     * @param name      how the field or option is named in messages, e.g. {@code [embedding]}
     * @param dimension the expected dimension
     * @return a unit-length copy
     * @throws IllegalArgumentException naming it if the dimension is wrong, a number is NaN or infinite,
     *                                  or all are zero
     */
    public static float[] normalised(float[] vector, String name, int dimension) {
        try {
            return UnitVectors.normalised(name, vector, dimension);
        } catch (SearchInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads a vector as {@code _source} holds it: a list of numbers.
     *
     * @param value the value from {@code _source}, or {@code null}
     * @param name  how the field is named in messages, e.g. {@code document [7] [embedding]}
     * @return the numbers as they are, or {@code null} when there is no value or an empty list
     * @throws IllegalArgumentException naming it if the value is not a list of numbers
     */
    public static float[] fromSource(Object value, String name) {
        if (value == null || value instanceof List<?> empty && empty.isEmpty()) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(name + " must be an array of numbers, got " + value);
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(name + " holds " + list.get(i) + " at position " + i
                        + ", not a number");
            }
            out[i] = n.floatValue();
        }
        return out;
    }
}
