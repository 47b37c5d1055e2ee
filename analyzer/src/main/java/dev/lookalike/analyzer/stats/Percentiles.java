package dev.lookalike.analyzer.stats;

/**
 * A distribution summed up: how many values, their mean, median, 90th and 99th percentiles and largest, in the unit
 * the recorder gives (milliseconds, images). Percentiles are exact to three significant digits.
 *
 * @param count how many values were recorded
 * @param mean  their mean, 0 when there are none
 * @param p50   the median
 * @param p90   the 90th percentile
 * @param p99   the 99th percentile
 * @param max   the largest
 */
public record Percentiles(long count, double mean, double p50, double p90, double p99, double max) {

    /** No values. */
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);
}
