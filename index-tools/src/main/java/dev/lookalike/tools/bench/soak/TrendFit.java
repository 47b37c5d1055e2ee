package dev.lookalike.tools.bench.soak;

/**
 * A least-squares straight line through points, with its noise: the standard error of the slope and the standard
 * deviation of the points around the line.
 *
 * @param slope              the slope, y per x
 * @param intercept          y at x = 0
 * @param slopeStandardError the slope's standard error, from the residuals
 * @param residualSd         the standard deviation of the residuals (n - 2 degrees of freedom)
 * @param points             how many points
 */
public record TrendFit(double slope, double intercept, double slopeStandardError, double residualSd, int points) {

    /**
     * @param x the abscissae, not all equal
     * @param y the ordinates
     * @return the fit
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
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double residual = y[i] - intercept - slope * x[i];
            squares += residual * residual;
        }
        double variance = squares / (n - 2);
        return new TrendFit(slope, intercept, Math.sqrt(variance / sxx), Math.sqrt(variance), n);
    }
}
