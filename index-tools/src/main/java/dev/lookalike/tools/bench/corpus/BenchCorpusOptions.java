package dev.lookalike.tools.bench.corpus;

import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import java.io.PrintWriter;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;

/**
 * The options the search benchmarks share ({@code bench search}, {@code bench opensearch}): how the synthetic
 * corpus and the queries are made, and what each query asks for. {@link #build} makes them.
 */
public final class BenchCorpusOptions {

    @Option(names = "--vectors", defaultValue = "100000", paramLabel = "N",
            description = "Items in the corpus (in each index). Default: ${DEFAULT-VALUE}.")
    int vectors;

    @Option(names = "--source-images", defaultValue = "10000", paramLabel = "N",
            description = "How many of the dataset's images to embed as the corpus's sources (a seeded sample"
                    + " when fewer than the dataset has). Default: ${DEFAULT-VALUE}.")
    int sourceImages;

    @Option(names = "--noise", defaultValue = "0.3", paramLabel = "LENGTH",
            description = "Expected length of the Gaussian noise added to a unit source vector before it is"
                    + " normalised again (cosine to the source about 1/sqrt(1 + LENGTH^2)). Default: ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N",
            description = "Timed queries per kind of query. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--warmup", defaultValue = "200", paramLabel = "N",
            description = "Untimed queries per kind before the timed ones. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K",
            description = "Results per query. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--candidates", defaultValue = "100", paramLabel = "N",
            description = "Nearest candidates per query (per shard), --k.." + SimilarityQuery.MAX_CANDIDATES
                    + ". Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the source sample, the corpus and the queries. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** @return the corpus size */
    public int vectors() {
        return vectors;
    }

    /** @return the expected length of the noise added to a source embedding to make a copy */
    public double noise() {
        return noise;
    }

    /** @return the number of timed queries */
    public int queries() {
        return queries;
    }

    /** @return the number of untimed queries run first */
    public int warmup() {
        return warmup;
    }

    /** @return the number of results each query asks for */
    public int k() {
        return k;
    }

    /** @return the HNSW candidates (ef) each query explores */
    public int candidates() {
        return candidates;
    }

    /** @return the seed of the corpus and the queries */
    public long seed() {
        return seed;
    }

    /**
     * The corpus and the queries of one run.
     *
     * @param sources the real embeddings the corpus grew from
     * @param corpus  the corpus
     * @param timed   the queries whose latency counts
     * @param untimed the warm-up queries, run first
     */
    public record BenchCorpus(SourceEmbeddings sources, SyntheticCorpus corpus, float[][] timed, float[][] untimed) {
    }

    /**
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public void validate() {
        requireAtLeast("--vectors", vectors, 1);
        requireAtLeast("--queries", queries, 1);
        requireAtLeast("--warmup", warmup, 0);
        requireAtLeast("--source-images", sourceImages, 1);
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("--noise must be a finite number of 0 or more, got " + noise);
        }
        int maxK = Math.min(vectors, SimilarityQuery.MAX_K);
        if (k < 1 || k > maxK) {
            throw new IllegalArgumentException("--k must be between 1 and " + (maxK == vectors
                    ? "--vectors (" + vectors + ")" : String.valueOf(maxK)) + ", got " + k);
        }
        if (candidates < k || candidates > SimilarityQuery.MAX_CANDIDATES) {
            throw new IllegalArgumentException("--candidates must be between --k (" + k + ") and "
                    + SimilarityQuery.MAX_CANDIDATES + ", got " + candidates);
        }
    }

    private static void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }

    /**
     * Embeds the source images, then generates the corpus and the timed and warm-up queries, all from
     * {@code --seed}. Costs one pass of the model over the sources and O(vectors x dimension).
     *
     * @param model  which model embeds the sources
     * @param bundle that model's bundle
     * @param data   where the source images come from
     * @param err    where progress goes
     * @return the corpus and the queries
     */
    public BenchCorpus build(ModelOptions model, ModelBundle bundle, DatasetOptions data, PrintWriter err) {
        LabelledDataset all = data.open();
        LabelledDataset images = sourceImages < all.size() ? SampledDataset.random(all, sourceImages, seed) : all;
        SourceEmbeddings sources;
        try (Embedder embedder = model.embedder(bundle)) {
            sources = SourceEmbeddings.embed(embedder, images, err);
        }
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticCorpus corpus;
        try (Progress progress = new Progress("generating", vectors, "vec")) {
            corpus = SyntheticCorpus.generate(sources, vectors, noise, random.split(), progress);
        }
        float[][] timed = sources.noisyCopies(queries, noise, random.split());
        float[][] untimed = sources.noisyCopies(warmup, noise, random.split());
        return new BenchCorpus(sources, corpus, timed, untimed);
    }
}
