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
    private final Map<FilterSelectivity, int[][]> exactByFilter;
    private final Map<CategoryFilter, int[][]> exactByCategory;
    /** Each query array's categories (that of each query's nearest item), by identity. */
    private final Map<float[][], String[]> categoriesOf;

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
        this.exactByFilter = new HashMap<>();
        this.exactByCategory = new HashMap<>();
        this.categoriesOf = new java.util.IdentityHashMap<>();
    }

    private SearchKindBenchmark(BenchSearches searches, SearchKindBenchmark truth) {
        this.searches = searches;
        this.corpus = truth.corpus;
        this.exact = truth.exact;
        this.k = truth.k;
        this.recallQueries = truth.recallQueries;
        this.err = truth.err;
        this.exactByFilter = truth.exactByFilter;
        this.exactByCategory = truth.exactByCategory;
        this.categoriesOf = truth.categoriesOf;
    }

    /**
     * A benchmark of other searches on the same corpus (another candidate count, another reader of the same index)
     * that shares this one's exact neighbours and query categories, computed once for both: at a million vectors
     * each set costs a pass over the corpus per query.
     *
     * @param other runs the queries
     * @return the benchmark
     */
    public SearchKindBenchmark using(BenchSearches other) {
        return new SearchKindBenchmark(other, this);
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
        String[] warmupCategories = categories(warmup);
        String[] queryCategories = categories(queries);
        int done = 0;
        for (SearchKind kind : kinds) {
            for (int q = 0; q < warmup.length; q++) {
                searches.run(kind, warmup[q], filterCategory(kind, warmupCategories[q]));
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
                    List<String> ids = searches.run(kinds.get(i), queries[q],
                            filterCategory(kinds.get(i), queryCategories[q]));
                    latencies.get(i).record(System.nanoTime() - start);
                    found[i][q] = ids.stream().mapToInt(corpus::indexOf).toArray();
                    progress.accept(++done);
                }
            }
        }
        List<SearchBenchResult.Kind> figures = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            figures.add(figures(kinds.get(i), latencies.get(i), found[i], queries, queryCategories));
        }
        return figures;
    }

    /**
     * Profiles each kind alone, running the queries again and again for the given time (see {@link SearchProfiler}).
     *
     * @param kinds   what to profile
     * @param queries the queries
     * @param seconds how long each kind runs
     * @return one profile per kind, in the order given
     * @throws IOException if the index cannot be read or a recording cannot be written
     */
    public List<SearchProfiler.KindProfile> profile(List<SearchKind> kinds, float[][] queries, double seconds)
            throws IOException {
        String[] queryCategories = categories(queries);
        SearchProfiler profiler = new SearchProfiler(searches);
        List<SearchProfiler.KindProfile> profiles = new ArrayList<>();
        for (SearchKind kind : kinds) {
            String[] filters = new String[queries.length];
            for (int q = 0; q < queries.length; q++) {
                filters[q] = filterCategory(kind, queryCategories[q]);
            }
            err.printf("profiling %s for %.0f s%n", kind.label(), seconds);
            err.flush();
            profiles.add(profiler.profile(kind, queries, filters, seconds));
        }
        return profiles;
    }

    private SearchBenchResult.Kind figures(SearchKind kind, LatencyRecorder latencies, int[][] found,
            float[][] queries, String[] queryCategories) {
        FilterSelectivity filter = kind.filter();
        long matchSum = 0;
        int filterFailures = 0;
        int countFailures = 0;
        int shown = 0;
        for (int q = 0; q < found.length; q++) {
            String category = filterCategory(kind, queryCategories[q]);
            int matches = filter != null ? corpus.matching(filter).length
                    : category != null ? corpus.inCategory(category).length : corpus.size();
            matchSum += matches;
            for (int item : found[q]) {
                boolean passes = filter != null ? corpus.tag(item) == filter
                        : category == null || category.equals(corpus.category(item));
                if (!passes) {
                    filterFailures++;
                    if (shown++ < FAILURES_SHOWN) {
                        err.printf("%s, query %d: item-%d does not pass the %s filter%n", kind.label(), q, item,
                                filter != null ? filter.percent() : category);
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
        int[][] nearest = kind.category() == null ? exactNeighbours(filter, queries, measured)
                : exactInCategories(kind, queries, queryCategories, measured);
        double recall = 0;
        for (int q = 0; q < measured; q++) {
            recall += ExactNeighbours.recall(found[q], nearest[q]);
        }
        int matches = (int) Math.round((double) matchSum / Math.max(1, found.length));
        String described = filter != null ? filter.percent() : kind.category() != null ? kind.category().label() : null;
        return new SearchBenchResult.Kind(kind.label(), described,
                filter != null ? filter.share() : (double) matches / corpus.size(), matches,
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.queriesPerSecond(),
                recall / measured, measured, filterFailures, countFailures);
    }

    /** The category of each query: that of its nearest corpus item. */
    private String[] categories(float[][] queries) {
        return categoriesOf.computeIfAbsent(queries, qs -> {
            String[] categories = new String[qs.length];
            for (int q = 0; q < qs.length; q++) {
                categories[q] = corpus.category(exact.nearest(qs[q], null, 1)[0]);
            }
            return categories;
        });
    }

    /** The category a kind's filter keeps for a query of the given category, or {@code null}. */
    private String filterCategory(SearchKind kind, String queryCategory) {
        if (kind.category() == null) {
            return null;
        }
        return kind.category() == CategoryFilter.SAME ? queryCategory : corpus.otherCategory(queryCategory);
    }

    private int[][] exactInCategories(SearchKind kind, float[][] queries, String[] queryCategories, int count) {
        return exactByCategory.computeIfAbsent(kind.category(), c -> {
            int[][] nearest = new int[count][];
            for (int q = 0; q < count; q++) {
                String category = filterCategory(kind, queryCategories[q]);
                nearest[q] = exact.nearestAmong(queries[q], corpus.inCategory(category), "category " + category, k);
            }
            return nearest;
        });
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
