package dev.lookalike.tools.bench.corpus;

import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.cli.SkipReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Real embeddings with their categories, which {@code lookalike bench search} grows a larger corpus from, and
 * noisy copies of them: a copy is its source plus Gaussian noise of expected length {@code noise} (each of
 * the d components has standard deviation {@code noise / sqrt(d)}), scaled back to unit length, so that its
 * cosine to the source is about {@code 1 / sqrt(1 + noise^2)} and the copies keep the real cluster structure.
 * Immutable; the vectors are not copied.
 */
public final class SourceEmbeddings {

    private final List<float[]> vectors;
    private final List<String> categories;
    private final String description;

    /**
     * @param vectors     unit vectors, all of one dimension, at least one
     * @param categories  the category of each vector
     * @param description where they come from, e.g. {@code fashion-mnist test (10000 images)}
     * @throws IllegalArgumentException if there are no vectors or the lists differ in length
     */
    SourceEmbeddings(List<float[]> vectors, List<String> categories, String description) {
        if (vectors.isEmpty() || vectors.size() != categories.size()) {
            throw new IllegalArgumentException("source embeddings: expected at least one vector and one category"
                    + " per vector, got " + vectors.size() + " vectors and " + categories.size() + " categories");
        }
        this.vectors = List.copyOf(vectors);
        this.categories = List.copyOf(categories);
        this.description = description;
    }

    /**
     * Embeds every image of a dataset; images that cannot be read are listed on {@code err} and left out.
     * Costs one forward pass per image, in the embedder's batches, with a progress bar on stderr.
     *
     * @param embedder the model
     * @param data     the images and their labels
     * @param err      where skipped images are listed
     * @return the embeddings, labelled with the dataset's class names
     * @throws IllegalArgumentException if no image could be embedded
     */
    static SourceEmbeddings embed(Embedder embedder, LabelledDataset data, PrintWriter err) {
        BatchEmbedding result;
        try (Progress progress = new Progress("embedding", data.size(), "img")) {
            result = embedder.embedDataset(data, progress);
        }
        SkipReport.print(result.skipped(), err);
        List<float[]> vectors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (result.vectors().get(i) != null) {
                vectors.add(result.vectors().get(i));
                categories.add(data.classNames().get(data.label(i)));
            }
        }
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("--dataset " + data.description() + ": no image could be embedded");
        }
        return new SourceEmbeddings(vectors, categories, data.description() + ", " + vectors.size() + " embedded");
    }

    /** @return how many real embeddings there are */
    int size() {
        return vectors.size();
    }

    /** @return their dimension */
    public int dimension() {
        return vectors.get(0).length;
    }

    /** @return where they come from */
    public String description() {
        return description;
    }

    /**
     * @param source an index below {@link #size()}
     * @return its category
     */
    String category(int source) {
        return categories.get(source);
    }

    /**
     * @param source an index below {@link #size()}
     * @param noise  the expected length of the added noise, 0 or more
     * @param random where the noise comes from
     * @return a new unit vector near the source. Costs O(dimension).
     */
    float[] noisyCopy(int source, double noise, RandomGenerator random) {
        float[] from = vectors.get(source);
        double sigma = noise / Math.sqrt(from.length);
        float[] copy = new float[from.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = (float) (from[i] + sigma * random.nextGaussian());
        }
        return VectorMath.normalize(copy);
    }

    /**
     * @param count  how many
     * @param noise  the expected length of the added noise, 0 or more
     * @param random where the sources and the noise come from
     * @return noisy copies of sources drawn uniformly at random, e.g. queries
     */
    float[][] noisyCopies(int count, double noise, RandomGenerator random) {
        float[][] copies = new float[count][];
        for (int i = 0; i < count; i++) {
            copies[i] = noisyCopy(random.nextInt(size()), noise, random);
        }
        return copies;
    }
}
