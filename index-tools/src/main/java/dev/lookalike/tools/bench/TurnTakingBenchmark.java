package dev.lookalike.tools.bench;

import dev.lookalike.tools.bench.corpus.ExactNeighbours;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/**
 * Times several kinds of search against one running engine alike: every kind first runs the untimed queries
 * (warming the JIT and the caches), then the kinds take turns over blocks of {@value #BLOCK} timed queries, so
 * that whatever drifts while the run lasts (the machine's other load, merges, garbage collection) falls on every
 * kind alike. For each kind it records the latency the client saw, the engine's own time when it reports one,
 * and recall against the exact neighbours on the first timed queries. One client thread; costs
 * {@code kinds × (untimed + timed)} requests.
 */
public final class TurnTakingBenchmark {

    /** Timed queries a kind runs before the next kind takes its turn. */
    public static final int BLOCK = 50;

    private TurnTakingBenchmark() {
    }

    /**
     * One answer of the engine.
     *
     * @param ids         the corpus positions of the results, best first
     * @param engineNanos the engine's own time for the query ({@code took}, {@code QTime}), or -1 when unknown
     */
    public record Answer(int[] ids, long engineNanos) {
    }

    /**
     * Sends one query of one kind to the engine.
     *
     * @param <K> the kinds of search
     */
    @FunctionalInterface
    public interface Target<K> {

        /**
         * @param kind  the kind of search
         * @param query the query vector
         * @return the engine's answer
         * @throws IOException if the engine cannot be reached or refuses the query
         */
        Answer search(K kind, float[] query) throws IOException;
    }

    /**
     * The figures of one kind.
     *
     * @param p50Ms       median latency seen by the client, milliseconds
     * @param p99Ms       99th percentile of that latency
     * @param qps         queries per second of one client thread
     * @param engineP50Ms median of the engine's own time, milliseconds, or NaN when it reports none
     * @param recall      mean share of the exact nearest items found, over the recall queries
     */
    public record Figures(double p50Ms, double p99Ms, double qps, double engineP50Ms, double recall) {
    }

    /**
     * @param kinds         the kinds of search, in the order they take turns
     * @param untimed       the warm-up queries
     * @param timed         the timed queries
     * @param recallQueries how many of the first timed queries recall is measured on
     * @param exact         the exact nearest corpus positions for a kind and a timed query's position
     * @param target        the engine
     * @param progress      told the number of requests done
     * @param <K>           the kinds of search
     * @return the figures of each kind, in the order of {@code kinds}
     * @throws IOException if a request fails
     */
    public static <K> Map<K, Figures> run(List<K> kinds, float[][] untimed, float[][] timed, int recallQueries,
            BiFunction<K, Integer, int[]> exact, Target<K> target, IntConsumer progress) throws IOException {
        int recalled = Math.min(recallQueries, timed.length);
        Map<K, LatencyRecorder> latencies = new LinkedHashMap<>();
        Map<K, LatencyRecorder> engineTimes = new LinkedHashMap<>();
        Map<K, Double> recallSums = new LinkedHashMap<>();
        int done = 0;
        for (K kind : kinds) {
            latencies.put(kind, new LatencyRecorder(timed.length));
            engineTimes.put(kind, new LatencyRecorder(timed.length));
            recallSums.put(kind, 0.0);
            for (float[] query : untimed) {
                target.search(kind, query);
                progress.accept(++done);
            }
        }
        boolean[] engineTimed = new boolean[kinds.size()];
        for (int from = 0; from < timed.length; from += BLOCK) {
            for (int k = 0; k < kinds.size(); k++) {
                K kind = kinds.get(k);
                for (int q = from; q < Math.min(timed.length, from + BLOCK); q++) {
                    long start = System.nanoTime();
                    Answer answer = target.search(kind, timed[q]);
                    latencies.get(kind).record(System.nanoTime() - start);
                    if (answer.engineNanos() >= 0) {
                        engineTimes.get(kind).record(answer.engineNanos());
                        engineTimed[k] = true;
                    }
                    if (q < recalled) {
                        recallSums.merge(kind, ExactNeighbours.recall(answer.ids(), exact.apply(kind, q)), Double::sum);
                    }
                    progress.accept(++done);
                }
            }
        }
        Map<K, Figures> figures = new LinkedHashMap<>();
        for (int k = 0; k < kinds.size(); k++) {
            K kind = kinds.get(k);
            LatencyRecorder l = latencies.get(kind);
            figures.put(kind, new Figures(l.percentileMillis(50), l.percentileMillis(99), l.queriesPerSecond(),
                    engineTimed[k] ? engineTimes.get(kind).percentileMillis(50) : Double.NaN,
                    recalled == 0 ? Double.NaN : recallSums.get(kind) / recalled));
        }
        return figures;
    }
}
