package dev.lookalike.opensearch.model;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.PixelBudgetExceededException;
import dev.lookalike.analyzer.image.ImageBase64;
import dev.lookalike.analyzer.model.EmbeddedImage;
import dev.lookalike.analyzer.model.ImageOutcome;
import dev.lookalike.analyzer.model.NodeEmbedder;
import dev.lookalike.opensearch.InferenceThreadPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.concurrency.OpenSearchRejectedExecutionException;
import org.opensearch.threadpool.ThreadPool;

/**
 * Embeds images on the node's bounded inference pool and answers through a listener, for work that must not
 * block its own thread (a search's rewrite, an ingest pipeline). What happens when the pool's queue is full
 * depends on the caller: an interactive request fails with {@link OpenSearchRejectedExecutionException}, which
 * OpenSearch answers 429; an ingest pipeline, already running on a bounded write thread, embeds on its own
 * thread instead, which slows the bulk down rather than failing its documents. An image the analyzer refuses
 * fails the listener with an {@link IllegalArgumentException} carrying the analyzer's message, answered 400.
 */
public final class PooledEmbedder {

    private final NodeEmbedder embedder;
    private final ThreadPool threadPool;

    /**
     * @param embedder   the node's embedder
     * @param threadPool the node's thread pools, among them the inference pool
     */
    public PooledEmbedder(NodeEmbedder embedder, ThreadPool threadPool) {
        this.embedder = embedder;
        this.threadPool = threadPool;
    }

    /** @return the node's embedder, for work already on the inference pool and for the model's proxies */
    public NodeEmbedder embedder() {
        return embedder;
    }

    /**
     * Decodes base64 text and embeds the image, on the inference pool.
     *
     * @param base64   the image as base64 text
     * @param name     how the request or document names the image, e.g. {@code [image_knn][image]}
     * @param listener gets the embedding, or the failure
     */
    public void embedBase64(String base64, String name, ActionListener<EmbeddedImage> listener) {
        embed(() -> ImageBase64.decode(base64, name, embedder.limits().maxBytes()), name, listener);
    }

    /**
     * Loads encoded image bytes and embeds them, both on the inference pool (loading may read a file or
     * fetch a URL).
     *
     * @param bytes    loads the encoded image
     * @param name     how the request or document names the image
     * @param listener gets the embedding, or the failure
     */
    public void embed(ImageBytes bytes, String name, ActionListener<EmbeddedImage> listener) {
        run(listener, () -> embedder.embed(bytes.load(), name));
    }

    /**
     * Loads and embeds many images as one piece of work on the inference pool, or on the calling thread when the
     * pool's queue is full: for callers on a bounded pool of their own, such as ingest on the write threads, so
     * that a large bulk request is slowed down rather than rejected. The images go through the network in batches. An
     * image that cannot be loaded or decoded fails alone, with an {@link IllegalArgumentException} when it is bad
     * input; the others are embedded.
     *
     * @param images   loads each encoded image
     * @param names    how each document names its image
     * @param listener gets one outcome per image, in order, or the failure of the whole batch (the model cannot
     *                 be loaded)
     */
    public void embedAllOrRunHere(List<ImageBytes> images, List<String> names, ActionListener<List<ImageOutcome>> listener) {
        Runnable work = () -> {
            List<ImageOutcome> outcomes;
            try {
                outcomes = loadAndEmbed(images, names);
            } catch (Exception e) {
                listener.onFailure(asBadInput(e));
                return;
            }
            listener.onResponse(outcomes);
        };
        try {
            threadPool.executor(InferenceThreadPool.NAME).execute(work);
        } catch (OpenSearchRejectedExecutionException e) {
            work.run();
        }
    }

    private List<ImageOutcome> loadAndEmbed(List<ImageBytes> images, List<String> names) {
        List<ImageOutcome> outcomes = new ArrayList<>(Collections.nCopies(images.size(), null));
        List<byte[]> loaded = new ArrayList<>();
        List<String> loadedNames = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            try {
                loaded.add(images.get(i).load());
                loadedNames.add(names.get(i));
                positions.add(i);
            } catch (Exception e) {
                outcomes.set(i, ImageOutcome.failed(asBadInput(e)));
            }
        }
        List<ImageOutcome> embedded = embedder.embedAll(loaded, loadedNames);
        for (int j = 0; j < embedded.size(); j++) {
            ImageOutcome outcome = embedded.get(j);
            outcomes.set(positions.get(j), outcome.failure() == null ? outcome : ImageOutcome.failed(asBadInput(outcome.failure())));
        }
        return outcomes;
    }

    /**
     * The analyzer's refusals become {@link IllegalArgumentException}s, which OpenSearch answers 400, and an image
     * beyond the node's in-flight budget a rejection, which it answers 429.
     *
     * @param e a failure of embedding
     * @return what OpenSearch should see
     */
    public static Exception asBadInput(Exception e) {
        if (e instanceof PixelBudgetExceededException busy) {
            return new OpenSearchRejectedExecutionException(busy.getMessage()
                    + " [lookalike.max_inflight_image_bytes]");
        }
        return e instanceof AnalyzerInputException ? new IllegalArgumentException(e.getMessage(), e) : e;
    }

    /** Loads an encoded image; may block. */
    @FunctionalInterface
    public interface ImageBytes {
        /**
         * @return the encoded image
         * @throws Exception if it cannot be loaded; {@link IllegalArgumentException} for bad input
         */
        byte[] load() throws Exception;
    }

    /** Work that yields an embedding. */
    @FunctionalInterface
    private interface Embedding {
        EmbeddedImage get() throws Exception;
    }

    private void run(ActionListener<EmbeddedImage> listener, Embedding work) {
        try {
            threadPool.executor(InferenceThreadPool.NAME).execute(() -> complete(listener, work));
        } catch (OpenSearchRejectedExecutionException e) {
            listener.onFailure(e);
        }
    }

    private static void complete(ActionListener<EmbeddedImage> listener, Embedding work) {
        EmbeddedImage result;
        try {
            result = work.get();
        } catch (Exception e) {
            listener.onFailure(asBadInput(e));
            return;
        }
        listener.onResponse(result);
    }
}
