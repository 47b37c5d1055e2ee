package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Principal component analysis: the mean of the data and the directions of largest variance, with a
 * projection of vectors onto them. It is the baseline that learned embeddings are compared with (pixels
 * projected onto as many components as the embedding has dimensions).
 *
 * <p>Fitting accumulates the covariance matrix (divided by n - 1) in double precision, in parallel over rows
 * (see {@link CovarianceAccumulator}), and takes its symmetric eigen-decomposition with EJML. Components are
 * sorted by eigenvalue, largest first, and each has unit length; its sign is chosen so that its entry of
 * largest magnitude is positive, so that fits of the same data agree. Eigenvalues that rounding makes
 * slightly negative are reported as 0.
 *
 * <p>Cost of {@link #fit}: O(n·d²) for the covariance of n rows of d values plus O(d³) for the
 * decomposition; 60,000 rows of 784 pixels take about ten seconds on two cores, and d² doubles of memory per worker.
 * A fitted instance is immutable and can be shared between threads.
 */
public final class PrincipalComponents {

    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVariance;

    private PrincipalComponents(double[] mean, double[][] components, double[] explainedVariance) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
    }

    /**
     * Fits the mean and the top {@code componentCount} components of {@code data}.
     *
     * @param data           at least two rows of one length d, with finite values; not modified
     * @param componentCount how many components to keep, in {@code [1, d]}
     * @return the fitted components
     * @throws AnalyzerInputException if the data has fewer than two rows, is ragged or not finite, or
     *                                {@code componentCount} is out of range
     * @throws IllegalStateException  if the eigen-decomposition fails to converge
     */
    public static PrincipalComponents fit(float[][] data, int componentCount) {
        MatrixShape.requireRectangular(data, "row");
        if (data.length < 2) {
            throw new AnalyzerInputException("rows", data.length + " given, expected at least 2 to have a variance");
        }
        int dimension = data[0].length;
        if (componentCount < 1 || componentCount > dimension) {
            throw new AnalyzerInputException("component count", componentCount + " given, expected 1 to "
                    + dimension + ", the length of the rows");
        }
        double[] mean = CovarianceAccumulator.mean(data);
        DMatrixRMaj covariance = CovarianceAccumulator.covariance(data, mean);

        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(dimension, true, true);
        if (!eigen.decompose(covariance)) {
            throw new IllegalStateException("the eigen-decomposition of the " + dimension + "x" + dimension
                    + " covariance matrix did not converge");
        }
        Integer[] order = IntStream.range(0, dimension).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -eigen.getEigenvalue(i).getReal())
                .thenComparingInt(i -> i));
        double[][] components = new double[componentCount][];
        double[] variance = new double[componentCount];
        for (int c = 0; c < componentCount; c++) {
            components[c] = orientedUnit(eigen.getEigenVector(order[c]).getData());
            variance[c] = Math.max(0, eigen.getEigenvalue(order[c]).getReal());
        }
        return new PrincipalComponents(mean, components, variance);
    }

    /** Scales to unit length and flips the sign so that the entry of largest magnitude is positive. */
    private static double[] orientedUnit(double[] vector) {
        double squaredNorm = 0;
        int largest = 0;
        for (int i = 0; i < vector.length; i++) {
            squaredNorm += vector[i] * vector[i];
            if (Math.abs(vector[i]) > Math.abs(vector[largest])) {
                largest = i;
            }
        }
        double scale = (vector[largest] < 0 ? -1 : 1) / Math.sqrt(squaredNorm);
        double[] unit = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    /** @return d, the length of the vectors this projects */
    public int dimension() {
        return mean.length;
    }

    /** @return the number of components kept */
    public int componentCount() {
        return components.length;
    }

    /** @return a copy of the mean of the fitted data */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the components, one unit-length row of d values each, by decreasing variance */
    public double[][] components() {
        double[][] copy = new double[components.length][];
        for (int c = 0; c < components.length; c++) {
            copy[c] = components[c].clone();
        }
        return copy;
    }

    /** @return a copy of the variance of the data along each component, in decreasing order */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /**
     * Projects a vector: its coordinates along each component after subtracting the mean. Costs
     * O(componentCount·d).
     *
     * @param vector d values
     * @return one value per component
     * @throws AnalyzerInputException if the vector is missing or not of length d
     */
    public float[] project(float[] vector) {
        if (vector == null || vector.length != mean.length) {
            throw new AnalyzerInputException("vector to project", (vector == null ? "missing" : vector.length
                    + " values given") + ", expected " + mean.length);
        }
        float[] projection = new float[components.length];
        for (int c = 0; c < components.length; c++) {
            double sum = 0;
            for (int i = 0; i < mean.length; i++) {
                sum += (vector[i] - mean[i]) * components[c][i];
            }
            projection[c] = (float) sum;
        }
        return projection;
    }

    /**
     * Maps a projection back to the original space: the mean plus the components weighted by the
     * projection. For a vector in the span of the components, {@code reconstruct(project(x))} is {@code x}.
     * Costs O(componentCount·d).
     *
     * @param projection one value per component
     * @return d values
     * @throws AnalyzerInputException if the projection is missing or has the wrong length
     */
    public float[] reconstruct(float[] projection) {
        if (projection == null || projection.length != components.length) {
            throw new AnalyzerInputException("projection", (projection == null ? "missing" : projection.length
                    + " values given") + ", expected one per component: " + components.length);
        }
        float[] vector = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            double sum = mean[i];
            for (int c = 0; c < components.length; c++) {
                sum += projection[c] * components[c][i];
            }
            vector[i] = (float) sum;
        }
        return vector;
    }
}
