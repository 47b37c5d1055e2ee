package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.eval.PrincipalComponents;

/**
 * A learned whitening of embeddings: {@code x ↦ M (x − μ)} with {@code μ} the mean of the fitted data and
 * {@code M} its principal directions, each divided by the standard deviation along it, so that the fitted
 * data has (nearly) the identity covariance. Directions the training classes barely use (small variance)
 * are scaled up as much as the ones they use, which is what lets a model trained on some classes tell
 * apart classes it never saw (Radenović et al.'s learned whitening, fitted here without labels).
 *
 * <p>Shrinkage keeps the scaling finite: every variance is raised by {@code shrinkage × the largest
 * variance} before dividing, so that the smallest directions, mostly noise, are not blown up without bound
 * (1 would nearly undo the whitening's effect on small directions; {@code 0.001} keeps it).
 *
 * <p>Fitting costs one covariance pass over the data and an eigen-decomposition of a d×d matrix
 * ({@link PrincipalComponents}); applying costs O(d²). Immutable.
 */
public final class Whitening {

    private final double[] mean;
    private final double[][] matrix;
    private final float shrinkage;

    private Whitening(double[] mean, double[][] matrix, float shrinkage) {
        this.mean = mean;
        this.matrix = matrix;
        this.shrinkage = shrinkage;
    }

    /**
     * Fits the whitening of {@code rows}.
     *
     * @param rows      at least 2·d rows of d finite values; not modified
     * @param shrinkage the variance floor as a fraction of the largest variance, in (0, 1]
     * @return the fitted whitening
     * @throws AnalyzerInputException if the shrinkage is out of range or there are too few rows
     */
    public static Whitening fit(float[][] rows, float shrinkage) {
        requireShrinkage("shrinkage", shrinkage);
        int dimension = rows.length == 0 ? 0 : rows[0].length;
        if (rows.length < 2 * dimension || dimension == 0) {
            throw new AnalyzerInputException("whitening data", rows.length + " vectors given; whitening a "
                    + dimension + "-d embedding needs at least " + Math.max(2, 2 * dimension)
                    + " to estimate its covariance");
        }
        PrincipalComponents pca = PrincipalComponents.fit(rows, dimension);
        double[][] components = pca.components();
        double[] variance = pca.explainedVariance();
        double floor = shrinkage * variance[0];
        double[][] matrix = new double[dimension][];
        for (int c = 0; c < dimension; c++) {
            double scale = 1 / Math.sqrt(variance[c] + floor);
            matrix[c] = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                matrix[c][j] = components[c][j] * scale;
            }
        }
        return new Whitening(pca.mean(), matrix, shrinkage);
    }

    /**
     * The one rule for a shrinkage value.
     *
     * @param input how to name the value in the error (an option, a field)
     * @param value the shrinkage
     * @throws AnalyzerInputException naming {@code input} unless the value is in (0, 1]
     */
    public static void requireShrinkage(String input, float value) {
        if (!(value > 0 && value <= 1)) {
            throw new AnalyzerInputException(input, value + " given, expected a fraction of the largest variance"
                    + " above 0 and at most 1 (e.g. 0.001)");
        }
    }

    /** @return d, the length of the vectors this whitens */
    public int dimension() {
        return mean.length;
    }

    /** @return the shrinkage it was fitted with */
    public float shrinkage() {
        return shrinkage;
    }

    /** @return a copy of the mean that is subtracted */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the d×d matrix, one row per output value */
    public double[][] matrix() {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    /**
     * @param x a vector of d values
     * @return a new vector, {@code M (x − μ)}, not normalised
     */
    public float[] apply(float[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("vector of " + x.length + " values, the whitening has " + mean.length);
        }
        float[] out = new float[matrix.length];
        for (int c = 0; c < matrix.length; c++) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += matrix[c][j] * (x[j] - mean[j]);
            }
            out[c] = (float) sum;
        }
        return out;
    }
}
