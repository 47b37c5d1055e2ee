package dev.lookalike.search;

/**
 * Checks that a vector can go into (or query) a dot-product HNSW field: the expected dimension, finite parts
 * and unit length, since dot product equals cosine only for unit vectors. Costs O(dimension).
 */
public final class UnitVectors {

    /** How far the length of a "unit" vector may be from 1, allowing for float rounding upstream. */
    public static final double LENGTH_TOLERANCE = 1e-3;

    private UnitVectors() {
    }

    /**
     * Refuses a vector that is missing, of the wrong dimension, non-finite or not of unit length.
     *
     * @param input     how the vector is named in an error, e.g. {@code "item sku-1 field vector"}
     * @param vector    the vector
     * @param dimension the expected dimension
     * @return {@code vector}
     * @throws SearchInputException naming {@code input} and what was wrong
     */
    public static float[] requireUnit(String input, float[] vector, int dimension) {
        double length = Math.sqrt(requireFinite(input, vector, dimension));
        if (Math.abs(length - 1) > LENGTH_TOLERANCE) {
            throw new SearchInputException(input, "must be a unit vector (length 1), has length " + length);
        }
        return vector;
    }

    /**
     * Refuses a vector that is missing, of the wrong dimension or non-finite, and returns its squared length.
     *
     * @param input     how the vector is named in an error
     * @param vector    the vector
     * @param dimension the expected dimension
     * @return the squared length
     * @throws SearchInputException naming {@code input} and what was wrong
     */
    public static double requireFinite(String input, float[] vector, int dimension) {
        if (vector == null) {
            throw new SearchInputException(input, "is missing; expected a " + dimension + "-d vector");
        }
        if (vector.length != dimension) {
            throw new SearchInputException(input,
                    "has dimension " + vector.length + ", the index expects " + dimension);
        }
        double sum = 0;
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new SearchInputException(input, "part " + i + " is " + vector[i] + "; all parts must be finite");
            }
            sum += (double) vector[i] * vector[i];
        }
        return sum;
    }

    /**
     * Scales a vector to unit length, refusing one that {@link #requireFinite} refuses or whose parts are all
     * zero (it has no direction).
     *
     * @param input     how the vector is named in an error
     * @param vector    the vector, left unchanged
     * @param dimension the expected dimension
     * @return a unit-length copy
     * @throws SearchInputException naming {@code input} and what was wrong
     */
    public static float[] normalised(String input, float[] vector, int dimension) {
        double squared = requireFinite(input, vector, dimension);
        if (squared == 0) {
            throw new SearchInputException(input, "is all zeros; it needs a direction");
        }
        float[] unit = vector.clone();
        float scale = (float) (1 / Math.sqrt(squared));
        for (int i = 0; i < unit.length; i++) {
            unit[i] *= scale;
        }
        return unit;
    }
}
