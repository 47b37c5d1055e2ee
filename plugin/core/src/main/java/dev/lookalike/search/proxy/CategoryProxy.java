package dev.lookalike.search.proxy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * One category's proxy.
 *
 * @param category the category name, as in the catalogue
 * @param learned  {@code true} when the vector is the model's learned proxy, {@code false} when it is the
 *                 normalised mean of the category's items (a category the model never saw)
 * @param items    how many live items of the category the index held when the proxy was computed
 * @param vector   the unit proxy vector
 */
public record CategoryProxy(
        @JsonProperty("category") String category,
        @JsonProperty("learned") boolean learned,
        @JsonProperty("items") int items,
        @JsonProperty("vector") float[] vector) {

    /** Checks the parts are present. */
    public CategoryProxy {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(vector, "vector");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryProxy other && category.equals(other.category) && learned == other.learned
                && items == other.items && Arrays.equals(vector, other.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, learned, items, Arrays.hashCode(vector));
    }

    @Override
    public String toString() {
        return "CategoryProxy[" + category + (learned ? ", learned" : ", mean of " + items + " items") + "]";
    }
}
