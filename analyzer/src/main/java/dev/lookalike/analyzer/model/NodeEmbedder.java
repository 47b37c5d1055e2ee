package dev.lookalike.analyzer.model;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.image.PixelBudget;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.ImageIO;

/**
 * A search node's embedder, for the engine plug-ins (OpenSearch, Solr): the model bundle named by the node's
 * settings ({@code lookalike.model}, {@code lookalike.djl_cache} in both engines), loaded on first use and then
 * shared by every request. Loading costs a second or two (unpacking libtorch into the cache the first time on a node,
 * then reading the bundle); until a request needs the model, the plug-in costs nothing. A load that fails is not
 * remembered: the next request tries again and gets the same clear error if nothing changed.
 *
 * <p>Thread-safe. Each {@link #embed} call blocks while all of the embedder's predictors are busy, so callers run
 * it on the bounded inference pool, never on a network thread.
 */
public final class NodeEmbedder implements Closeable {

    /** libtorch's intra-op threads per inference: the node's parallelism comes from the inference pool instead. */
    private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";
    private static final String TORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    /** Images per forward pass in {@link #embedAll}; larger batches gain little on a CPU and hold more memory. */
    private static final int BATCH_SIZE = 32;

    private final String model;
    private final Path djlCache;
    private final int predictors;
    private final ImageLimits limits;
    private final PixelBudget budget;
    private final LongAdder embeddedImages = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final EmbeddingObserver observer;
    private Embedder embedder;
    private Instant loadedAt;
    private ModelBundle bundle;
    private boolean closed;

    /**
     * Describes what to load; loads nothing.
     *
     * @param model      a built-in bundle name or a bundle directory
     * @param djlCache   where DJL may unpack the PyTorch native library
     * @param predictors how many images may run through the network at once
     * @param limits     the largest image accepted, in bytes and pixels
     */
    public NodeEmbedder(String model, Path djlCache, int predictors, ImageLimits limits) {
        this(model, djlCache, predictors, limits, PixelBudget.unbounded());
    }

    /**
     * Describes what to load; loads nothing.
     *
     * @param model      a built-in bundle name or a bundle directory
     * @param djlCache   where DJL may unpack the PyTorch native library
     * @param predictors how many images may run through the network at once
     * @param limits     the largest image accepted, in bytes and pixels
     * @param budget     the node's bound on decoded images in flight at once
     */
    public NodeEmbedder(String model, Path djlCache, int predictors, ImageLimits limits, PixelBudget budget) {
        this(model, djlCache, predictors, limits, budget, EmbeddingObserver.NONE);
    }

    /**
     * Describes what to load; loads nothing.
     *
     * @param model      a built-in bundle name or a bundle directory
     * @param djlCache   where DJL may unpack the PyTorch native library
     * @param predictors how many images may run through the network at once
     * @param limits     the largest image accepted, in bytes and pixels
     * @param budget     the node's bound on decoded images in flight at once
     * @param observer   told how long each decode and each batch took, for the node's stats
     */
    public NodeEmbedder(String model, Path djlCache, int predictors, ImageLimits limits, PixelBudget budget,
            EmbeddingObserver observer) {
        this.model = model;
        this.djlCache = djlCache;
        this.predictors = predictors;
        this.limits = limits;
        this.budget = budget;
        this.observer = observer;
    }

    /** @return the model as the node's settings name it: a built-in bundle's name or a bundle directory */
    public String model() {
        return model;
    }

    /** @return when the model finished loading, or {@code null} while it is not loaded */
    public synchronized Instant loadedAt() {
        return loadedAt;
    }

    /** @return the largest image accepted, in bytes and pixels */
    public ImageLimits limits() {
        return limits;
    }

    /** @return the node's bound on decoded images in flight, with its figures */
    public PixelBudget budget() {
        return budget;
    }

    /** @return how many images this node has embedded since it started */
    public long embeddedImages() {
        return embeddedImages.sum();
    }

    /**
     * @return how many batches of images this node has embedded since it started: an ingest or update batch, a
     *         query's image, an embed request each count one
     */
    public long batches() {
        return batches.sum();
    }

    /** @return whether the model is loaded (it loads on first use) */
    public synchronized boolean loaded() {
        return embedder != null;
    }

    /** Decodes within the limits and the budget into the network's input, timed for the observer. */
    private float[] decode(Embedder e, byte[] bytes, String name) {
        long start = System.nanoTime();
        float[] input = e.decoder().decode(bytes, name, budget, image -> e.preprocessor().apply(image));
        observer.imageDecoded(System.nanoTime() - start);
        return input;
    }

    /** Runs inputs through the network, counted and timed as one batch. */
    private List<ClassifiedEmbedding> embedInputs(Embedder e, List<float[]> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        List<ClassifiedEmbedding> embedded = e.embedAndClassifyInputs(inputs);
        observer.batchEmbedded(inputs.size(), System.nanoTime() - start);
        embeddedImages.add(inputs.size());
        batches.increment();
        return embedded;
    }

    /**
     * Returns the loaded embedder, loading it on the first call.
     *
     * @return the shared embedder
     * @throws IllegalStateException if the bundle is missing or damaged, the DJL cache directory cannot be
     *                               created, the PyTorch engine cannot start, or the node is closing; the
     *                               message names the setting to look at
     */
    public synchronized Embedder embedder() {
        if (closed) {
            throw new IllegalStateException("the Lookalike model is closed: the node is shutting down");
        }
        if (embedder == null) {
            try {
                embedder = load();
                loadedAt = Instant.now();
            } catch (RuntimeException e) {
                throw new IllegalStateException("the Lookalike model cannot be loaded ([lookalike.model] is " + model
                        + ", [lookalike.djl_cache] is " + djlCache + "): " + e.getMessage(), e);
            }
        }
        return embedder;
    }

    /**
     * Decodes an image within the limits and embeds it. Costs one decode and one forward pass.
     *
     * @param bytes the encoded image
     * @param name  how the request names the image, e.g. {@code [image]}; error messages start with it
     * @return the unit vector and the predicted category
     * @throws dev.lookalike.analyzer.AnalyzerInputException if the bytes are not an accepted image or break a limit
     * @throws IllegalStateException                          if the model cannot be loaded, as {@link #embedder()}
     */
    public EmbeddedImage embed(byte[] bytes, String name) {
        Embedder e = embedder();
        try (PluginClassLoader ignored = PluginClassLoader.enter()) {
            float[] input = decode(e, bytes, name);
            ClassifiedEmbedding embedded = embedInputs(e, List.of(input)).get(0);
            return new EmbeddedImage(embedded.vector(), embedded.prediction());
        }
    }

    /**
     * Decodes an image within the limits and turns it into the network's input, without running the network:
     * the per-image half of {@link #embedPrepared}, for callers that check each image as it arrives and embed
     * many at once later. Costs one decode and one resize.
     *
     * @param bytes the encoded image
     * @param name  how the request or document names the image; error messages start with it
     * @return the network input
     * @throws AnalyzerInputException if the bytes are not an accepted image or break a limit
     * @throws IllegalStateException  if the model cannot be loaded, as {@link #embedder()}
     */
    public float[] prepare(byte[] bytes, String name) {
        Embedder e = embedder();
        try (PluginClassLoader ignored = PluginClassLoader.enter()) {
            return decode(e, bytes, name);
        }
    }

    /**
     * Runs prepared inputs through the network, in the embedder's batches: one forward pass per batch.
     *
     * @param inputs inputs made by {@link #prepare}
     * @return one embedding per input, in order
     * @throws IllegalStateException if the model cannot be loaded, as {@link #embedder()}
     */
    public List<EmbeddedImage> embedPrepared(List<float[]> inputs) {
        Embedder e = embedder();
        try (PluginClassLoader ignored = PluginClassLoader.enter()) {
            List<EmbeddedImage> out = new ArrayList<>(inputs.size());
            List<ClassifiedEmbedding> embedded = embedInputs(e, inputs);
            for (ClassifiedEmbedding one : embedded) {
                out.add(new EmbeddedImage(one.vector(), one.prediction()));
            }
            return out;
        }
    }

    /**
     * Decodes images within the limits and embeds those that decode in batches of the embedder: for many images
     * at once (an ingest batch), where one forward pass per batch costs far less than one per image. An image
     * that cannot be decoded fails alone; the others are embedded.
     *
     * @param images the encoded images
     * @param names  how each document names its image; error messages start with it
     * @return one outcome per image, in order
     * @throws IllegalStateException if the model cannot be loaded, as {@link #embedder()}
     */
    public List<ImageOutcome> embedAll(List<byte[]> images, List<String> names) {
        if (images.size() != names.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + names.size() + " names");
        }
        Embedder e = embedder();
        try (PluginClassLoader ignored = PluginClassLoader.enter()) {
            List<ImageOutcome> outcomes = new ArrayList<>(Collections.nCopies(images.size(), null));
            List<float[]> inputs = new ArrayList<>();
            List<Integer> decoded = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                try {
                    inputs.add(decode(e, images.get(i), names.get(i)));
                    decoded.add(i);
                } catch (AnalyzerInputException failure) {
                    outcomes.set(i, ImageOutcome.failed(failure));
                }
            }
            List<ClassifiedEmbedding> embedded = embedInputs(e, inputs);
            for (int j = 0; j < embedded.size(); j++) {
                ClassifiedEmbedding one = embedded.get(j);
                outcomes.set(decoded.get(j), ImageOutcome.embedded(new EmbeddedImage(one.vector(), one.prediction())));
            }
            return outcomes;
        }
    }

    /**
     * The model bundle: its spec, parameters and proxies, read from disk on the first call without starting the
     * PyTorch engine, so that work that needs only the proxies (re-ranking, catalogue proxies) never loads
     * libtorch.
     *
     * @return the bundle
     * @throws IllegalStateException if the bundle is missing or damaged, or the node is closing
     */
    public synchronized ModelBundle bundle() {
        if (closed) {
            throw new IllegalStateException("the Lookalike model is closed: the node is shutting down");
        }
        if (bundle == null) {
            try (PluginClassLoader ignored = PluginClassLoader.enter()) {
                bundle = embedder != null ? embedder.bundle() : ModelBundle.load(model);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the Lookalike model cannot be loaded ([lookalike.model] is " + model
                        + "): " + e.getMessage(), e);
            }
        }
        return bundle;
    }

    private Embedder load() {
        try (PluginClassLoader ignored = PluginClassLoader.enter()) {
            Files.createDirectories(djlCache);
            DjlRuntime.configure(djlCache);
            setIfAbsent(TORCH_THREADS, "1");
            setIfAbsent(TORCH_INTEROP_THREADS, "1");
            // The extra image readers (WebP, CMYK JPEG...) register through the context class loader.
            ImageIO.scanForPlugins();
            return Embedder.open(bundle != null ? bundle : ModelBundle.load(model),
                    new EmbedderOptions(BATCH_SIZE, predictors, limits));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DJL cache directory " + djlCache + ": " + e.getMessage(), e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Frees the model's native memory, if it was loaded; later calls to {@link #embedder()} fail. */
    @Override
    public synchronized void close() {
        closed = true;
        if (embedder != null) {
            embedder.close();
            embedder = null;
            loadedAt = null;
        }
    }

    @Override
    public String toString() {
        return "NodeEmbedder[model " + model + ", cache " + djlCache + ", predictors " + predictors + "]";
    }
}
