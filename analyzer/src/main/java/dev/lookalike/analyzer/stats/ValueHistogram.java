package dev.lookalike.analyzer.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Values recorded by many threads at once (wait-free, with HdrHistogram's {@link Recorder}) and read as
 * {@link Percentiles} of everything recorded since the node started. Costs a few kilobytes, and a record is an
 * array increment; a read folds what was recorded since the last read into the total.
 */
final class ValueHistogram {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final double unit;
    private Histogram interval;

    /**
     * @param unit what a recorded value is divided by when read: 1000 to record microseconds and read milliseconds
     */
    ValueHistogram(double unit) {
        this.unit = unit;
    }

    /** @param value a value, 0 or more */
    void record(long value) {
        recorder.recordValue(Math.max(0, value));
    }

    /** @return every value recorded so far, summed up */
    synchronized Percentiles read() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        if (total.getTotalCount() == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(total.getTotalCount(), total.getMean() / unit, total.getValueAtPercentile(50) / unit,
                total.getValueAtPercentile(90) / unit, total.getValueAtPercentile(99) / unit,
                total.getMaxValue() / unit);
    }
}
