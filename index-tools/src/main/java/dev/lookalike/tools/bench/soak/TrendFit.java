package dev.lookalike.tools.bench.soak;

import java.util.Arrays;

/**
 * A least-squares straight line through points, with its noise: the standard deviation of the points around the
 * line, and the slope's standard error twice over: as if the residuals were independent, and corrected for their
 * lag-1 autocorrelation. Points of a heap sampled after each collection are not independent (one collection sees
 * mostly what the one before it kept), and an uncorrected standard error would call every slow wiggle a trend; the
 * correction counts {@code n (1 - r) / (1 + r)} effective points for a lag-1 autocorrelation {@code r > 0}. The
 * median of the slopes between every two points (Theil and Sen's estimator), which one bump cannot pull, comes
 * with it as a cross-check.
 *
 * @param slope                         the least-squares slope, y per x
 * @param intercept                     y at x = 0
 * @param independentSlopeStandardError the slope's standard error if the residuals were independent
 * @param autocorrelation               the lag-1 autocorrelation of the residuals, in x order
 * @param effectivePoints               how many independent points the correlated ones are worth, at least 3
 * @param slopeStandardError            the slope's standard error over the effective points
 * @param residualSd                    the standard deviation of the residuals (n - 2 degrees of freedom)
 * @param medianSlope                   the median of the slopes between every two points of different x
 * @param points                        how many points
 */
public record TrendFit(double slope, double intercept, double independentSlopeStandardError, double autocorrelation,
        double effectivePoints, double slopeStandardError, double residualSd, double medianSlope, int points) {

    /**
     * @param x the abscissae in increasing order, not all equal
     * @param y the ordinates
     * @return the fit; costs n² / 2 slopes for the median
     * @throws IllegalArgumentException for fewer than three points, unequal lengths or all x equal
     */
    public static TrendFit of(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length || n < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 points of x and y, got " + n + " and "
                    + y.length);
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a trend needs points at different x, all are at " + x[0]);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double[] residuals = new double[n];
        double squares = 0;
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - intercept - slope * x[i];
            squares += residuals[i] * residuals[i];
        }
        double lagged = 0;
        for (int i = 1; i < n; i++) {
            lagged += residuals[i - 1] * residuals[i];
        }
        double r = squares == 0 ? 0 : lagged / squares;
        double effective = r > 0 ? Math.max(3, n * (1 - r) / (1 + r)) : n;
        double variance = squares / (n - 2);
        double independent = Math.sqrt(variance / sxx);
        return new TrendFit(slope, intercept, independent, r, effective,
                independent * Math.sqrt((n - 2) / (effective - 2)), Math.sqrt(variance), medianSlope(x, y), n);
    }

    private static double medianSlope(double[] x, double[] y) {
        double[] slopes = new double[x.length * (x.length - 1) / 2];
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (x[j] != x[i]) {
                    slopes[count++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        double[] sorted = Arrays.copyOf(slopes, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }
}
