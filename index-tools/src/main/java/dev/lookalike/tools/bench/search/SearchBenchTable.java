package dev.lookalike.tools.bench.search;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Prints a {@link SearchBenchResult} as aligned text: the settings, the build, one row per kind of query. */
public final class SearchBenchTable {

    private static final String ROW = "%-34s %14s %9s %8s %8s %8s %9s %8s %8s %8s%n";
    private static final String FIGURES = "%-34s %14s %9d %8.3f %8.3f %8.0f %9.4f %8s %8d %8d%n";
    /** How the table names bare Lucene's kinds; the default walk's are the anchors of the others. */
    private static final String LUCENE = "lucene knn";
    private static final String ACORN = "lucene knn acorn";

    private SearchBenchTable() {
    }

    /**
     * @param out    where to print
     * @param result the figures
     */
    public static void print(PrintWriter out, SearchBenchResult result) {
        SearchBenchResult.Settings s = result.settings();
        SearchBenchResult.Build b = result.build();
        out.printf(Locale.ROOT, "corpus   %,d vectors (%d-d), noisy copies (noise %.2f) of %s, model %s, seed %d%n",
                s.vectors(), s.dimension(), s.noise(), s.sources(), s.model(), s.seed());
        out.printf(Locale.ROOT, "index    HNSW M=%d beam=%d quantization %s; k=%d, %d candidates; %d queries per kind"
                + " after %d warm-up, one thread; Lookalike's strategy %s%n", s.hnswM(), s.beamWidth(), s.quantization(), s.k(),
                s.candidates(), s.queries(), s.warmup(), s.strategy());
        out.printf(Locale.ROOT, "machine  %s, %d cores, max heap %,d MiB, jdk.incubator.vector %s%n", s.jvm(),
                s.cores(), s.maxHeapBytes() >> 20, s.vectorIncubator() ? "on" : "off");
        out.printf(Locale.ROOT, "build    %.1f s (%,.0f docs/s) through CatalogueIndex.putAll + commit, %d segment(s)%n",
                b.buildSeconds(), b.docsPerSecond(), b.segmentsBeforeMerge());
        out.printf(Locale.ROOT, "merge    force-merged to 1 segment in %.1f s%n", b.mergeSeconds());
        out.printf(Locale.ROOT, "size     %,d bytes on disk, %.1f bytes per vector%s%n", b.indexBytes(),
                b.bytesPerVector(), b.indexDir() == null ? "" : " (kept in " + b.indexDir() + ")");
        out.println();
        out.println("index sorted by category:");
        kinds(out, s, result.kinds());
        if (result.unsortedKinds() != null) {
            SearchBenchResult.Build u = result.unsortedBuild();
            out.println();
            out.printf(Locale.ROOT, "index not sorted (build %.1f s, %,.0f docs/s, merge %.1f s, %,d bytes):%n",
                    u.buildSeconds(), u.docsPerSecond(), u.mergeSeconds(), u.indexBytes());
            kinds(out, s, result.unsortedKinds());
        }
        if (result.candidateSweep() != null) {
            out.println();
            out.println("unfiltered, recall against latency (sorted index):");
            out.printf(Locale.ROOT, "%-12s %-12s %8s %8s %9s%n", "candidates", "kind", "p50 ms", "p99 ms",
                    "recall@" + s.k());
            for (SearchBenchResult.SweepPoint point : result.candidateSweep()) {
                SearchBenchResult.Kind kind = point.kind();
                out.printf(Locale.ROOT, "%-12d %-12s %8.3f %8.3f %9.4f%n", point.candidates(), kind.kind(),
                        kind.p50Ms(), kind.p99Ms(), kind.recallAtK());
            }
        }
        if (result.profile() != null) {
            out.println();
            profile(out, result.profile());
        }
        out.println();
        out.printf(Locale.ROOT, "p50 of %s over p50 of %s: %.2f%n", SearchKind.LOOKALIKE_FILTER_1_RERANK.label(),
                SearchKind.LUCENE_FILTER_1.label(), result.filteredRerankOverLuceneFilteredP50());
        out.printf(Locale.ROOT, "x lucene: the kind's p50 over that of bare Lucene's default walk with the same"
                + " filter, on the same index%n");
        out.printf(Locale.ROOT, "same/other category: the query's own category (that of its nearest item) or the next"
                + " one; acorn: Lucene's ACORN-style filtered walk (KnnSearchStrategy.Hnsw(60))%n");
        out.printf(Locale.ROOT, "recall@%d: mean over the first %d queries, against exact search among the items"
                + " the filter keeps (re-ranking reorders by design)%n", s.k(), s.recallQueries());
        out.printf(Locale.ROOT, "QPS: queries over the sum of their latencies, one thread; bad hits: results the"
                + " filter should have kept out; short: queries with other than min(k, matches) results%n");
    }

    private static void kinds(PrintWriter out, SearchBenchResult.Settings s, List<SearchBenchResult.Kind> kinds) {
        out.printf(Locale.ROOT, ROW, "query kind", "filter", "matches", "p50 ms", "p99 ms", "QPS",
                "recall@" + s.k(), "x lucene", "bad hits", "short");
        for (SearchBenchResult.Kind kind : kinds) {
            SearchBenchResult.Kind anchor = anchor(kind, kinds);
            out.printf(Locale.ROOT, FIGURES, kind.kind(), kind.filter() == null ? "-" : kind.filter(), kind.matches(),
                    kind.p50Ms(), kind.p99Ms(), kind.qps(), kind.recallAtK(),
                    anchor == null ? "" : String.format(Locale.ROOT, "%.2f", kind.p50Ms() / anchor.p50Ms()),
                    kind.filterFailures(), kind.countFailures());
        }
    }

    private static void profile(PrintWriter out, List<SearchProfiler.KindProfile> profiles) {
        out.println("where the time goes (sorted index; share of CPU samples of each kind run alone, Java Flight"
                + " Recorder, 1 ms period):");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-34s %8s", "query kind", "samples"));
        for (SearchProfiler.Phase phase : SearchProfiler.Phase.values()) {
            header.append(String.format(Locale.ROOT, " %12s", shorten(phase.label())));
        }
        out.println(header.append(String.format(Locale.ROOT, " %12s", "dot products")));
        for (SearchProfiler.KindProfile p : profiles) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s %8d", p.kind(), p.samples()));
            for (SearchProfiler.Phase phase : SearchProfiler.Phase.values()) {
                row.append(String.format(Locale.ROOT, " %11.0f%%", 100 * p.shares().get(phase)));
            }
            out.println(row.append(String.format(Locale.ROOT, " %11.0f%%", 100 * p.dotProducts())));
        }
        for (SearchProfiler.KindProfile p : profiles) {
            out.printf(Locale.ROOT, "  other in %s: %s%n", p.kind(), String.join(", ", p.otherTop()));
        }
    }

    private static String shorten(String label) {
        return label.length() <= 12 ? label : label.substring(0, 12);
    }

    /**
     * @return bare Lucene's default walk with the same filter as this kind of Lookalike's or Lucene's ACORN walk,
     *         or {@code null} for that walk itself and where the run has none
     */
    static SearchBenchResult.Kind anchor(SearchBenchResult.Kind kind, List<SearchBenchResult.Kind> kinds) {
        if (kind.kind().startsWith(LUCENE) && !kind.kind().startsWith(ACORN)) {
            return null;
        }
        for (SearchBenchResult.Kind other : kinds) {
            if (other.kind().startsWith(LUCENE) && !other.kind().startsWith(ACORN)
                    && Objects.equals(other.filter(), kind.filter())) {
                return other;
            }
        }
        return null;
    }
}
