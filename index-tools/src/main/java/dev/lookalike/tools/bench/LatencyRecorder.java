package dev.lookalike.tools.bench;

import java.util.Arrays;

/**
 * Records the latencies of a run of queries made one after another and summarises them: percentiles by the
 * nearest-rank definition (the smallest recorded latency that at least p % of the queries did not exceed), and
 * queries per second as the number of queries over the sum of their latencies. Not thread-safe.
 */
public final class LatencyRecorder {

    private final long[] nanos;
    private int count;

    /** @param capacity how many latencies at most will be recorded */
    public LatencyRecorder(int capacity) {
        this.nanos = new long[capacity];
    }

    /**
     * @param latency one query's latency in nanoseconds, 0 or more
     * @throws IllegalStateException if the capacity is reached
     */
    public void record(long latency) {
        if (count == nanos.length) {
            throw new IllegalStateException("latency recorder is full at " + count + " queries");
        }
        nanos[count++] = latency;
    }

    /** @return how many latencies were recorded */
    int count() {
        return count;
    }

    /**
     * @param percent the percentile, above 0 and at most 100
     * @return the nearest-rank percentile in milliseconds. Costs a sort of the recorded latencies.
     * @throws IllegalStateException if nothing was recorded
     */
    public double percentileMillis(double percent) {
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be above 0 and at most 100, got " + percent);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        // Multiplied first: exact for whole percentiles, so rounding cannot push the rank up by one.
        int rank = (int) Math.ceil(percent * count / 100);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    /**
     * @return queries per second of one thread: the count over the summed latencies
     * @throws IllegalStateException if nothing was recorded
     */
    public double queriesPerSecond() {
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += nanos[i];
        }
        return total == 0 ? Double.POSITIVE_INFINITY : count / (total / 1e9);
    }
}
