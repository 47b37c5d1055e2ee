package dev.lookalike.analyzer.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.stream.IntStream;

/**
 * The mean and covariance matrix of rows of floats, in double precision, computed in parallel over rows.
 *
 * <p>The rows are cut into a fixed number of stretches, one partial scatter matrix each, summed in stretch
 * order afterwards. Within a stretch, rows are centred into blocks of {@value #BLOCK_ROWS} and the block's
 * {@code Bᵀ·B} is computed with EJML's inner product (which fills one triangle and mirrors it) and added,
 * rather than one outer product per row, which would stream the whole d × d matrix through memory for every
 * row.
 */
final class CovarianceAccumulator {

    /** Rows centred and multiplied together at a time: large enough to amortise a pass over the matrix. */
    private static final int BLOCK_ROWS = 256;

    private CovarianceAccumulator() {
    }

    /** @return the mean of each column; costs one pass over the data */
    static double[] mean(float[][] rows) {
        double[] mean = new double[rows[0].length];
        for (float[] row : rows) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= rows.length;
        }
        return mean;
    }

    /**
     * @return the d × d covariance matrix of the rows about {@code mean}, divided by n - 1; costs O(n·d²)
     *         time and d² doubles per stretch in flight
     */
    static DMatrixRMaj covariance(float[][] rows, double[] mean) {
        int dimension = mean.length;
        int stretches = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2,
                rows.length / BLOCK_ROWS));
        DMatrixRMaj[] partials = IntStream.range(0, stretches).parallel()
                .mapToObj(stretch -> scatter(rows, mean, (int) ((long) rows.length * stretch / stretches),
                        (int) ((long) rows.length * (stretch + 1) / stretches)))
                .toArray(DMatrixRMaj[]::new);
        DMatrixRMaj covariance = new DMatrixRMaj(dimension, dimension);
        for (DMatrixRMaj partial : partials) {
            CommonOps_DDRM.addEquals(covariance, partial);
        }
        CommonOps_DDRM.divide(covariance, rows.length - 1);
        return covariance;
    }

    /** The sum of outer products of the centred rows {@code [from, to)}. */
    private static DMatrixRMaj scatter(float[][] rows, double[] mean, int from, int to) {
        int dimension = mean.length;
        DMatrixRMaj scatter = new DMatrixRMaj(dimension, dimension);
        DMatrixRMaj block = new DMatrixRMaj(BLOCK_ROWS, dimension);
        DMatrixRMaj blockScatter = new DMatrixRMaj(dimension, dimension);
        for (int start = from; start < to; start += BLOCK_ROWS) {
            int count = Math.min(BLOCK_ROWS, to - start);
            block.reshape(count, dimension);
            double[] values = block.getData();
            for (int r = 0; r < count; r++) {
                float[] row = rows[start + r];
                for (int i = 0; i < dimension; i++) {
                    values[r * dimension + i] = row[i] - mean[i];
                }
            }
            CommonOps_DDRM.multInner(block, blockScatter);
            CommonOps_DDRM.addEquals(scatter, blockScatter);
        }
        return scatter;
    }
}
