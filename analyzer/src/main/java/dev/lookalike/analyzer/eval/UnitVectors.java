package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;

import java.util.Arrays;

/**
 * Vectors scaled to unit length and stored row after row in one flat array, so that a cosine similarity is a
 * plain dot product over contiguous memory. A zero vector stays zero: its cosine similarity with anything is
 * {@code 0}, rather than the {@code NaN} that dividing by its norm would give.
 */
final class UnitVectors {

    private final float[] values;
    private final int count;
    private final int dimension;

    private UnitVectors(float[] values, int count, int dimension) {
        this.values = values;
        this.count = count;
        this.dimension = dimension;
    }

    /**
     * Copies and normalises the rows. Costs one pass over the data; the norm is accumulated in double
     * precision.
     *
     * @param rows vectors, all of the same non-zero length, with finite values
     * @param name what the rows are, as the user knows them ({@code "gallery"}), for error messages
     * @throws AnalyzerInputException if there are no rows, a row is null or of another length, or a value is
     *                                not finite
     */
    static UnitVectors of(float[][] rows, String name) {
        MatrixShape.requireRectangular(rows, name);
        int dimension = rows[0].length;
        float[] values = new float[rows.length * dimension];
        for (int row = 0; row < rows.length; row++) {
            float[] vector = rows[row];
            double squaredNorm = 0;
            for (float v : vector) {
                squaredNorm += (double) v * v;
            }
            if (squaredNorm == 0) {
                continue;
            }
            double scale = 1 / Math.sqrt(squaredNorm);
            int offset = row * dimension;
            for (int i = 0; i < dimension; i++) {
                values[offset + i] = (float) (vector[i] * scale);
            }
        }
        return new UnitVectors(values, rows.length, dimension);
    }

    /** @return the number of vectors */
    int count() {
        return count;
    }

    /** @return the length of each vector */
    int dimension() {
        return dimension;
    }

    /** @return the flat row-major values, shared and not copied: callers must not change them */
    float[] values() {
        return values;
    }

    /** @return vector {@code row} as a new array */
    float[] row(int row) {
        float[] copy = new float[dimension];
        System.arraycopy(values, row * dimension, copy, 0, dimension);
        return copy;
    }

    /**
     * The cosine similarity of vector {@code row} here and vector {@code otherRow} of {@code other}; costs
     * one dot product. The products are added one after the other in dimension order, in float, exactly as
     * {@link #similaritiesTo(float[], int, float[], float[])} adds them, so both give the same bits.
     */
    float cosine(int row, UnitVectors other, int otherRow) {
        int offset = row * dimension;
        int otherOffset = otherRow * dimension;
        float sum = 0f;
        for (int i = 0; i < dimension; i++) {
            sum += values[offset + i] * other.values[otherOffset + i];
        }
        return sum;
    }

    /**
     * The vectors laid out dimension by dimension ({@code dimension} rows of {@code count} values), the
     * layout {@link #similaritiesTo(float[], int, float[], float[])} needs. Costs a copy of the data.
     */
    float[] transposed() {
        float[] columns = new float[values.length];
        for (int row = 0; row < count; row++) {
            for (int i = 0; i < dimension; i++) {
                columns[i * count + row] = values[row * dimension + i];
            }
        }
        return columns;
    }

    /**
     * The cosine similarity of one query with every vector here, written into {@code similarities}.
     * The loop runs over vectors innermost, as {@code similarities[j] += q[i] * column_i[j]}: a loop without a
     * carried sum, which the JIT compiles to SIMD instructions, several times faster than one dot product
     * per vector. Costs {@code count × dimension} multiply-adds.
     *
     * @param queries      flat row-major query vectors of the same dimension, normalised
     * @param queryOffset  where the query starts in {@code queries}
     * @param transposed   these vectors as {@link #transposed()} returns them
     * @param similarities receives {@code count} values
     */
    void similaritiesTo(float[] queries, int queryOffset, float[] transposed, float[] similarities) {
        Arrays.fill(similarities, 0, count, 0f);
        for (int i = 0; i < dimension; i++) {
            float q = queries[queryOffset + i];
            int base = i * count;
            for (int j = 0; j < count; j++) {
                similarities[j] += q * transposed[base + j];
            }
        }
    }

    /**
     * Requires {@code other} to hold vectors of the same length as these.
     *
     * @throws AnalyzerInputException naming {@code name} (the other set) if the lengths differ
     */
    void requireSameDimension(UnitVectors other, String name) {
        if (other.dimension != dimension) {
            throw new AnalyzerInputException(name, "vectors have " + other.dimension + " values, expected "
                    + dimension + " like the others");
        }
    }
}
