package dev.lookalike.tools.bench.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the client threads did, per operation: requests answered, documents written or deleted, failures (any
 * answer but a success or a 429, and any request that got no answer), 429s retried, and the latency of each
 * answered request in an HdrHistogram {@link Recorder} (microseconds, 3 significant digits), which the monitor
 * drains once per window. Thread-safe; recording costs a few atomic additions.
 */
public final class OperationCounters {

    /** How many failure messages are kept, the first ones. */
    static final int KEPT_FAILURES = 20;

    private final Map<SoakOperation, Counts> counts = new EnumMap<>(SoakOperation.class);
    private final Queue<String> failureMessages = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keptFailures = new AtomicInteger();

    /** Counts of one operation. */
    static final class Counts {
        final LongAdder requests = new LongAdder();
        final LongAdder documents = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder retried429 = new LongAdder();
        final Recorder latencyMicros = new Recorder(3);
    }

    /** Counters at zero. */
    public OperationCounters() {
        for (SoakOperation op : SoakOperation.values()) {
            counts.put(op, new Counts());
        }
    }

    /**
     * An answered request.
     *
     * @param op     the operation
     * @param micros its latency in microseconds
     */
    void answered(SoakOperation op, long micros) {
        Counts c = counts.get(op);
        c.requests.increment();
        c.latencyMicros.recordValue(Math.max(0, micros));
    }

    /**
     * @param op        the operation
     * @param documents how many documents it wrote or deleted, as the node acknowledged
     */
    void acknowledged(SoakOperation op, int documents) {
        counts.get(op).documents.add(documents);
    }

    /** @param op the operation a 429 was retried for */
    void countRetry(SoakOperation op) {
        counts.get(op).retried429.increment();
    }

    /**
     * A failure: anything but a success or a retried 429.
     *
     * @param op      the operation
     * @param message what went wrong, naming the request and the node's answer
     */
    void failed(SoakOperation op, String message) {
        counts.get(op).failures.increment();
        if (keptFailures.getAndIncrement() < KEPT_FAILURES) {
            failureMessages.add(op.label() + ": " + message);
        }
    }

    /**
     * @param op the operation
     * @return the latencies recorded since the last call for this operation (the monitor's window)
     */
    Histogram drainLatencies(SoakOperation op) {
        return counts.get(op).latencyMicros.getIntervalHistogram();
    }

    long requests(SoakOperation op) {
        return counts.get(op).requests.sum();
    }

    long documents(SoakOperation op) {
        return counts.get(op).documents.sum();
    }

    long failures(SoakOperation op) {
        return counts.get(op).failures.sum();
    }

    long retried429(SoakOperation op) {
        return counts.get(op).retried429.sum();
    }

    /** @return the first {@value #KEPT_FAILURES} failure messages */
    List<String> failureMessages() {
        return new ArrayList<>(failureMessages);
    }
}
