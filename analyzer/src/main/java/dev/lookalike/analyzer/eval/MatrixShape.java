package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;

/** Checks on the shape of the arrays this package takes from users, with messages that name the bad row. */
final class MatrixShape {

    private MatrixShape() {
    }

    /**
     * Requires at least one row, all rows non-null, of one non-zero length, with finite values. Costs one
     * pass over the data.
     *
     * @throws AnalyzerInputException naming {@code name} and the first bad row
     */
    static void requireRectangular(float[][] rows, String name) {
        if (rows == null || rows.length == 0) {
            throw new AnalyzerInputException(name, "no vectors given, expected at least one");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new AnalyzerInputException(name + " #0", "is empty, expected at least one value");
        }
        int dimension = rows[0].length;
        for (int row = 0; row < rows.length; row++) {
            float[] vector = rows[row];
            if (vector == null || vector.length != dimension) {
                throw new AnalyzerInputException(name + " #" + row, "has "
                        + (vector == null ? "no" : String.valueOf(vector.length)) + " values, expected "
                        + dimension + " like " + name + " #0");
            }
            for (int i = 0; i < dimension; i++) {
                if (!Float.isFinite(vector[i])) {
                    throw new AnalyzerInputException(name + " #" + row, "value " + i + " is " + vector[i]
                            + ", expected a finite number");
                }
            }
        }
    }

    /**
     * Requires {@code labels} to have one entry per vector.
     *
     * @throws AnalyzerInputException naming {@code name} if the lengths differ or the labels are missing
     */
    static void requireOnePerRow(int[] labels, int rowCount, String name) {
        if (labels == null || labels.length != rowCount) {
            throw new AnalyzerInputException(name, (labels == null ? "missing" : labels.length + " given")
                    + ", expected one per vector: " + rowCount);
        }
    }
}
