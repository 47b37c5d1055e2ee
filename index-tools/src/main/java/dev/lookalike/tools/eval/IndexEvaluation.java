package dev.lookalike.tools.eval;

import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.eval.ClassFigures;
import dev.lookalike.analyzer.eval.EvaluationReport;
import dev.lookalike.analyzer.eval.RankedListEvaluator;
import dev.lookalike.analyzer.eval.RetrievalEvaluator;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import dev.lookalike.tools.cli.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;

/**
 * Judges an index through the real query path: sampled items query the rest by id ("more like this",
 * the item itself left out) through the search path, without and with proxy re-ranking, scored by their indexed
 * category; and the HNSW search's recall@10 against exact search over the stored vectors.
 */
public final class IndexEvaluation {

    private final SimilaritySearcher searcher;
    private final IndexSearcher lucene;
    private final List<String> ids = new ArrayList<>();
    private final int[] labels;
    private final Map<String, Integer> labelOfCategory = new HashMap<>();

    private final List<Float> rerankWeights;
    private final Float rerankTemperature;

    /**
     * @param reader        the index
     * @param rerankWeights the re-ranking weights to run, or {@code null} for the index's default alone; the first
     *                      is the report's {@code reranked} run, and with more than one every weight also goes
     *                      into {@code rerank_sweep}
     * @param rerankTemperature the temperature of the re-ranking distributions, or {@code null} for the default
     * @throws IOException if the index cannot be read
     */
    public IndexEvaluation(DirectoryReader reader, List<Float> rerankWeights, Float rerankTemperature) throws IOException {
        this.searcher = SimilaritySearcher.open(reader);
        this.lucene = new IndexSearcher(reader);
        this.rerankWeights = rerankWeights != null ? List.copyOf(rerankWeights)
                : List.of(SimilarityQuery.effectiveRerankWeight(null, searcher.metadata().modelRerankWeight()));
        this.rerankTemperature = rerankTemperature;
        List<Integer> labelList = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            StoredFields stored = leaf.reader().storedFields();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document d = stored.document(doc);
                String category = d.get(IndexSchema.CATEGORY);
                if (category == null) {
                    continue;
                }
                ids.add(d.get(IndexSchema.ID));
                labelList.add(labelOfCategory.computeIfAbsent(category, c -> labelOfCategory.size()));
            }
        }
        this.labels = labelList.stream().mapToInt(Integer::intValue).toArray();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("--index: the index holds no items with a category to evaluate against");
        }
    }

    /**
     * @param queries  how many items to sample as queries (all when larger than the index)
     * @param seed     the sample's seed
     * @param progress shows the queries done
     * @return {"plain": {...}, "reranked": {...}, "hnsw_recall@10": x, ...}
     * @throws IOException if the index cannot be read
     */
    public Map<String, Object> run(int queries, long seed, Progress progress) throws IOException {
        int[] sample = SampledDataset.randomIndices(ids.size(), queries, seed);
        int[] counts = new int[labelOfCategory.size()];
        for (int l : labels) {
            counts[l]++;
        }
        int maxR = Arrays.stream(counts).max().orElse(1) - 1;
        int k = Math.max(10, Math.min(SimilarityQuery.MAX_K, maxR));
        Map<String, Integer> labelOfId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            labelOfId.put(ids.get(i), labels[i]);
        }
        int[][] plain = new int[sample.length][];
        int[][][] reranked = new int[rerankWeights.size()][sample.length][];
        int[] queryLabels = new int[sample.length];
        int[] relevant = new int[sample.length];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, sample.length).parallel().forEach(j -> {
            int item = sample[j];
            queryLabels[j] = labels[item];
            relevant[j] = counts[labels[item]] - 1;
            plain[j] = rankedLabels(item, k, null, labelOfId);
            for (int w = 0; w < rerankWeights.size(); w++) {
                reranked[w][j] = rankedLabels(item, k, rerankWeights.get(w), labelOfId);
            }
            progress.accept(done.incrementAndGet());
        });
        RankedListEvaluator evaluator = new RankedListEvaluator(RetrievalEvaluator.DEFAULT_RECALL_KS);
        Map<String, Object> out = new LinkedHashMap<>();
        EvaluationReport plainReport = evaluator.evaluate(plain, queryLabels, relevant);
        EvaluationReport rerankedReport = evaluator.evaluate(reranked[0], queryLabels, relevant);
        out.put("plain", plainReport.toOrderedMap());
        out.put("reranked", rerankedReport.toOrderedMap());
        out.put("per_class", perClass(plainReport, rerankedReport));
        if (rerankWeights.size() > 1) {
            List<Map<String, Object>> sweep = new ArrayList<>();
            for (int w = 0; w < rerankWeights.size(); w++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rerank_weight", rerankWeights.get(w));
                row.putAll(evaluator.evaluate(reranked[w], queryLabels, relevant).toOrderedMap());
                sweep.add(row);
            }
            out.put("rerank_sweep", sweep);
        }
        out.put("hnsw_recall@10", hnswRecallAt10(sample));
        out.put("rerank_weight", rerankWeights.get(0));
        out.put("rerank_temperature", rerankTemperature != null ? rerankTemperature
                : SimilarityQuery.DEFAULT_RERANK_TEMPERATURE);
        out.put("items", ids.size());
        out.put("queries", sample.length);
        out.put("results_per_query", k);
        return out;
    }

    /** @param weight the re-ranking weight, or {@code null} for a plain search */
    private int[] rankedLabels(int item, int k, Float weight, Map<String, Integer> labelOfId) {
        SimilarityQuery.Builder builder = SimilarityQuery.builder(QueryVector.ofItem(ids.get(item))).k(k).numCandidates(k);
        SimilarityQuery query = (weight == null ? builder
                : builder.rerank(true).rerankWeight(weight).rerankTemperature(rerankTemperature)).build();
        try {
            return searcher.search(query).hits().stream().mapToInt(h -> labelOfId.get(h.id())).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Mean overlap of the HNSW graph's top 10 with the exact top 10, the item itself left out of both. The graph
     * is asked directly (Lucene's {@link KnnFloatVectorQuery} with the search's default 100 candidates), since
     * the search itself may scan small or filtered indices exactly.
     */
    private double hnswRecallAt10(int[] sample) throws IOException {
        float[][] vectors = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            vectors[i] = searcher.vectorOf(ids.get(i));
        }
        int candidates = SimilarityQuery.defaultCandidates(10);
        double sum = IntStream.of(sample).parallel().mapToDouble(item -> {
            List<String> exact = IntStream.of(VectorMath.nearest(vectors[item], vectors, item, 10))
                    .mapToObj(ids::get).toList();
            try {
                List<String> approximate = new ArrayList<>();
                StoredFields stored = lucene.storedFields();
                for (ScoreDoc hit : lucene.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vectors[item],
                        candidates), candidates).scoreDocs) {
                    String id = stored.document(hit.doc).get(IndexSchema.ID);
                    if (!id.equals(ids.get(item)) && approximate.size() < 10) {
                        approximate.add(id);
                    }
                }
                return approximate.stream().filter(exact::contains).count() / 10.0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
        return sum / sample.length;
    }

    /**
     * @param report a figure map from {@link #run}
     * @param out    where to print it
     */
    /** Recall@1 and MAP@R of each category's queries, plain and re-ranked, categories by name. */
    private List<Map<String, Object>> perClass(EvaluationReport plain, EvaluationReport reranked) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        labelOfCategory.forEach((category, label) -> {
            ClassFigures p = plain.byLabel().get(label);
            ClassFigures r = reranked.byLabel().get(label);
            if (p != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("class", category);
                row.put("queries", p.queries());
                row.put("plain_recall@1", p.recallAt1());
                row.put("plain_map@r", p.mapAtR());
                row.put("reranked_recall@1", r.recallAt1());
                row.put("reranked_map@r", r.mapAtR());
                rows.put(category, row);
            }
        });
        return new ArrayList<>(rows.values());
    }

    /**
     * Prints a report of {@link #run} as the tables {@code eval --index} shows.
     *
     * @param report the report
     * @param out    where to print it
     */
    public static void print(Map<String, Object> report, PrintWriter out) {
        out.printf("%d queries over %d items (%d results each), by id, item left out%n",
                report.get("queries"), report.get("items"), report.get("results_per_query"));
        out.printf("%-10s %10s %10s%n", "metric", "plain", String.format(Locale.ROOT, "reranked %.2f", report.get("rerank_weight")));
        @SuppressWarnings("unchecked")
        Map<String, Double> plain = (Map<String, Double>) report.get("plain");
        @SuppressWarnings("unchecked")
        Map<String, Double> reranked = (Map<String, Double>) report.get("reranked");
        plain.forEach((key, v) -> {
            if (v != null) {
                out.printf("%-10s %10.4f %10.4f%n", key, v, reranked.get(key));
            }
        });
        out.printf("%-10s %10.4f%n", "hnsw recall@10", (Double) report.get("hnsw_recall@10"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perClass = (List<Map<String, Object>>) report.get("per_class");
        out.printf("%n%-16s %8s %12s %12s %12s %12s%n", "class", "queries", "plain R@1", "reranked R@1",
                "plain MAP@R", "reranked MAP@R");
        for (Map<String, Object> row : perClass) {
            out.printf(Locale.ROOT, "%-16s %8d %12.4f %12.4f %12.4f %12.4f%n", row.get("class"), row.get("queries"),
                    row.get("plain_recall@1"), row.get("reranked_recall@1"), row.get("plain_map@r"),
                    row.get("reranked_map@r"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) report.get("rerank_sweep");
        if (sweep != null) {
            out.printf("%nre-ranking weight sweep%n%8s %10s %10s %10s%n", "weight", "recall@1", "map@r", "mrr");
            for (Map<String, Object> row : sweep) {
                out.printf("%8.2f %10.4f %10.4f %10.4f%n", row.get("rerank_weight"), row.get("recall@1"),
                        row.get("map@r"), row.get("mrr"));
            }
        }
    }
}
