package dev.lookalike.opensearch;

import org.opensearch.common.settings.Settings;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;

/**
 * The node's pool for image decoding and inference, so that neither runs on the network threads: a fixed number
 * of threads ({@link LookalikeSettings#INFERENCE_THREADS}) and a bounded queue
 * ({@link LookalikeSettings#INFERENCE_QUEUE_SIZE}). When both are full, the pool rejects the task, and the
 * request is answered 429 Too Many Requests instead of piling up images in the heap.
 */
public final class InferenceThreadPool {

    /** The pool's name, under which {@code _cat/thread_pool} shows it and {@code thread_pool.NAME.*} tunes it. */
    public static final String NAME = "lookalike_inference";

    private InferenceThreadPool() {
    }

    /**
     * @param settings the node's settings
     * @return the builder that OpenSearch turns into the pool at start-up
     */
    public static ExecutorBuilder<?> builder(Settings settings) {
        return new FixedExecutorBuilder(settings, NAME, LookalikeSettings.INFERENCE_THREADS.get(settings),
                LookalikeSettings.INFERENCE_QUEUE_SIZE.get(settings), "thread_pool." + NAME);
    }
}
