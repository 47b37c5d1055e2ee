package dev.lookalike.tools.bench.soak;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the next catalogue-proxy refresh is due: every period, the first client thread to ask gets it. Thread-safe.
 */
final class ProxyRefreshSchedule {

    private final long periodNanos;
    private final AtomicLong due;

    /**
     * @param periodNanos time between refreshes; the first is due one period after the start
     */
    ProxyRefreshSchedule(long periodNanos) {
        this.periodNanos = periodNanos;
        this.due = new AtomicLong(System.nanoTime() + periodNanos);
    }

    /** @return whether the caller should run a refresh now (at most one caller per period) */
    boolean claim() {
        long now = System.nanoTime();
        long at = due.get();
        return now - at >= 0 && due.compareAndSet(at, now + periodNanos);
    }
}
