package dev.lookalike.tools.bench.search;

import dev.lookalike.tools.bench.LatencyRecorder;
import dev.lookalike.tools.bench.corpus.ExactNeighbours;
import dev.lookalike.tools.bench.corpus.FilterSelectivity;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Measures {@link SearchKind}s on the benchmark index, one thread: first the untimed warm-up queries of every
 * kind, so that no kind pays for the JIT compiling code they share; then the timed queries (only the search is
 * timed) in blocks of {@value #BLOCK}, each block run by every kind in turn, the kind that starts rotating from
 * block to block: a background load on the machine weighs on all kinds alike, and no kind always meets the
 * CPU caches as the kind before it left them for the same queries. Then, untimed, checks every result list (each hit passes the kind's filter, and there are
 * {@code min(k, matching items)} of them) and the recall@k of the first queries against {@link ExactNeighbours}
 * over the items the filter keeps. Failures are counted, and the first few of each kind printed. Exact
 * neighbours are computed once per filter and shared by the kinds that have it. Not thread-safe.
 */
public final class SearchKindBenchmark {

    private static final int FAILURES_SHOWN = 5;
    /** Timed queries a kind runs before the next kind takes over. */
    static final int BLOCK = 50;

    private final BenchSearches searches;
    private final SyntheticCorpus corpus;
    private final ExactNeighbours exact;
    private final int k;
    private final int recallQueries;
    private final PrintWriter err;
    private final Map<FilterSelectivity, int[][]> exactByFilter = new HashMap<>();

    /**
     * @param searches      runs the queries
     * @param corpus        the indexed corpus, to check results against
     * @param k             results per query
     * @param recallQueries how many of the first timed queries to measure recall on
     * @param err           where failures are printed
     */
    public SearchKindBenchmark(BenchSearches searches, SyntheticCorpus corpus, int k, int recallQueries, PrintWriter err) {
        this.searches = searches;
        this.corpus = corpus;
        this.exact = new ExactNeighbours(corpus);
        this.k = k;
        this.recallQueries = recallQueries;
        this.err = err;
    }

    /**
     * @param kinds    what to measure
     * @param warmup   untimed queries, run by every kind first
     * @param queries  timed queries; recall is measured on the first {@code recallQueries} of them
     * @param progress called with the number of searches (warm-up and timed, all kinds) done
     * @return the figures of each kind, in the order given
     * @throws IOException if the index cannot be read
     */
    public List<SearchBenchResult.Kind> measure(List<SearchKind> kinds, float[][] warmup, float[][] queries,
            IntConsumer progress) throws IOException {
        int done = 0;
        for (SearchKind kind : kinds) {
            for (float[] query : warmup) {
                searches.run(kind, query);
                progress.accept(++done);
            }
        }
        List<LatencyRecorder> latencies = new ArrayList<>();
        int[][][] found = new int[kinds.size()][queries.length][];
        kinds.forEach(kind -> latencies.add(new LatencyRecorder(queries.length)));
        for (int from = 0, block = 0; from < queries.length; from += BLOCK, block++) {
            for (int turn = 0; turn < kinds.size(); turn++) {
                int i = (block + turn) % kinds.size();
                for (int q = from; q < Math.min(from + BLOCK, queries.length); q++) {
                    long start = System.nanoTime();
                    List<String> ids = searches.run(kinds.get(i), queries[q]);
                    latencies.get(i).record(System.nanoTime() - start);
                    found[i][q] = ids.stream().mapToInt(corpus::indexOf).toArray();
                    progress.accept(++done);
                }
            }
        }
        List<SearchBenchResult.Kind> figures = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            figures.add(figures(kinds.get(i), latencies.get(i), found[i], queries));
        }
        return figures;
    }

    private SearchBenchResult.Kind figures(SearchKind kind, LatencyRecorder latencies, int[][] found,
            float[][] queries) {
        FilterSelectivity filter = kind.filter();
        int matches = filter == null ? corpus.size() : corpus.matching(filter).length;
        int filterFailures = 0;
        int countFailures = 0;
        int shown = 0;
        for (int q = 0; q < found.length; q++) {
            for (int item : found[q]) {
                if (filter != null && corpus.tag(item) != filter) {
                    filterFailures++;
                    if (shown++ < FAILURES_SHOWN) {
                        err.printf("%s, query %d: item-%d does not pass the %s filter%n", kind.label(), q, item,
                                filter.percent());
                    }
                }
            }
            if (found[q].length != Math.min(k, matches)) {
                countFailures++;
                if (shown++ < FAILURES_SHOWN) {
                    err.printf("%s, query %d: %d results, expected min(k, matches) = %d%n", kind.label(), q,
                            found[q].length, Math.min(k, matches));
                }
            }
        }
        int measured = Math.min(recallQueries, queries.length);
        int[][] nearest = exactNeighbours(filter, queries, measured);
        double recall = 0;
        for (int q = 0; q < measured; q++) {
            recall += ExactNeighbours.recall(found[q], nearest[q]);
        }
        return new SearchBenchResult.Kind(kind.label(), filter == null ? null : filter.percent(),
                filter == null ? 1 : filter.share(), matches,
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.queriesPerSecond(),
                recall / measured, measured, filterFailures, countFailures);
    }

    private int[][] exactNeighbours(FilterSelectivity filter, float[][] queries, int count) {
        return exactByFilter.computeIfAbsent(filter, f -> {
            int[][] nearest = new int[count][];
            for (int q = 0; q < count; q++) {
                nearest[q] = exact.nearest(queries[q], f, k);
            }
            return nearest;
        });
    }
}
