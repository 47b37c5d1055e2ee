package dev.lookalike.search.query;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a query's vector comes from: given directly (the caller embedded an image), or read from an indexed
 * item ("more like this").
 */
public sealed interface QueryVector {

    /**
     * @param vector the query vector, of the index's dimension; normalised by the searcher, not copied
     * @return a query vector given directly
     */
    static QueryVector of(float[] vector) {
        return new Given(vector);
    }

    /**
     * @param id an indexed item's id
     * @return a query vector read from that item
     */
    static QueryVector ofItem(String id) {
        return new OfItem(id);
    }

    /**
     * A vector given directly.
     *
     * @param vector the vector
     */
    record Given(float[] vector) implements QueryVector {

        /** Checks the vector is present. */
        public Given {
            Objects.requireNonNull(vector, "vector");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Given other && Arrays.equals(vector, other.vector);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(vector);
        }

        @Override
        public String toString() {
            return "vector[" + vector.length + "-d]";
        }
    }

    /**
     * The stored vector of an indexed item.
     *
     * @param id the item's id
     */
    record OfItem(String id) implements QueryVector {

        /** Checks the id is present. */
        public OfItem {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return "item:" + id;
        }
    }
}
