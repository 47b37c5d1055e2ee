package dev.lookalike.tools.bench.soak;

import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The soak's time windows: at the end of each, the latencies the client threads recorded in it are drained into
 * a search and a write histogram (and into each operation's whole-run histogram), and every node's heap is read
 * from {@code _nodes/stats/jvm}. One thread (the soak's own) closes windows; reading the node costs one request.
 */
final class SoakWindows {

    private final OperationCounters counters;
    private final NodeHttp stats;
    private final long startNanos;
    private final int windowSeconds;
    private final Map<SoakOperation, Histogram> wholeRun = new EnumMap<>(SoakOperation.class);
    private final List<SoakResult.Window> windows = new ArrayList<>();
    private final List<Histogram> searchWindows = new ArrayList<>();
    private final List<Histogram> writeWindows = new ArrayList<>();

    /**
     * @param counters   where the client threads record
     * @param stats      the node to read {@code _nodes/stats/jvm} from
     * @param startNanos    the start of the load
     * @param windowSeconds the length of a window
     */
    SoakWindows(OperationCounters counters, NodeHttp stats, long startNanos, int windowSeconds) {
        this.counters = counters;
        this.stats = stats;
        this.startNanos = startNanos;
        this.windowSeconds = windowSeconds;
        for (SoakOperation op : SoakOperation.values()) {
            wholeRun.put(op, new Histogram(3));
        }
    }

    /** @return every node's heap now */
    private List<HeapReading> readHeap() throws IOException {
        return HeapReading.parse(stats.expectOk("GET", "/_nodes/stats/jvm", null));
    }

    /**
     * Ends the current window now. The last window, which holds the answers to the requests in flight at the
     * deadline, is kept only when it lasted half a window or more; else its latencies count for the whole run
     * only, since a few stragglers make no percentile.
     *
     * @param last whether the load is over
     * @throws IOException if the node's stats cannot be read
     */
    void close(boolean last) throws IOException {
        Histogram search = new Histogram(3);
        Histogram write = new Histogram(3);
        for (SoakOperation op : SoakOperation.values()) {
            Histogram drained = counters.drainLatencies(op);
            wholeRun.get(op).add(drained);
            switch (op.group()) {
                case SEARCH -> search.add(drained);
                case WRITE -> write.add(drained);
                case REFRESH -> { }
            }
        }
        double end = seconds();
        double previous = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).seconds();
        if (last && end - previous < windowSeconds / 2.0) {
            return;
        }
        List<HeapReading> heap = readHeap();
        searchWindows.add(search);
        writeWindows.add(write);
        windows.add(new SoakResult.Window(end, search.getTotalCount(), write.getTotalCount(),
                millis(search, 50), millis(search, 99), millis(write, 50), millis(write, 99), heap));
    }

    /** @return seconds since the start of the load */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** @return the windows so far */
    List<SoakResult.Window> windows() {
        return List.copyOf(windows);
    }

    /**
     * @param op an operation
     * @return its latencies over the whole run
     */
    Histogram wholeRun(SoakOperation op) {
        return wholeRun.get(op);
    }

    /**
     * p99 over the windows of the first fifth of the run (the first window, which holds the warm-up, left out
     * when there are five or more) against the windows of the last fifth.
     *
     * @param group    {@code SEARCH} or {@code WRITE}
     * @param maxRatio how many times the first p99 the last may be
     * @return the drift
     */
    SoakResult.LatencyDrift drift(SoakOperation.Group group, double maxRatio) {
        List<Histogram> series = group == SoakOperation.Group.SEARCH ? searchWindows : writeWindows;
        int n = series.size();
        int fifth = Math.max(1, n / 5);
        int skip = n >= 5 ? 1 : 0;
        Double first = millis(merge(series.subList(skip, Math.min(n, skip + fifth))), 99);
        Double last = millis(merge(series.subList(Math.max(0, n - fifth), n)), 99);
        Double ratio = first == null || last == null ? null : last / first;
        return new SoakResult.LatencyDrift(group.name().toLowerCase(java.util.Locale.ROOT), first, last, ratio,
                ratio != null && ratio <= maxRatio);
    }

    private static Histogram merge(List<Histogram> windows) {
        Histogram all = new Histogram(3);
        windows.forEach(all::add);
        return all;
    }

    /**
     * @param micros  latencies in microseconds
     * @param percent a percentile
     * @return it in milliseconds, or {@code null} if nothing was recorded
     */
    static Double millis(Histogram micros, double percent) {
        return micros.getTotalCount() == 0 ? null : micros.getValueAtPercentile(percent) / 1000.0;
    }
}
