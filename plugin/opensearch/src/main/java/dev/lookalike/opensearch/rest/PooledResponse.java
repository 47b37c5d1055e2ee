package dev.lookalike.opensearch.rest;

import dev.lookalike.opensearch.InferenceThreadPool;
import dev.lookalike.opensearch.model.PooledEmbedder;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.core.concurrency.OpenSearchRejectedExecutionException;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestResponse;
import org.opensearch.threadpool.ThreadPool;

/**
 * Answers a REST request from the inference pool: the work runs there, never on the network thread, and its
 * outcome is sent as OpenSearch sends its own. Bad input from the analyzer becomes 400 with the analyzer's
 * message, a full pool 429, anything else 500 (logged).
 */
final class PooledResponse {

    private static final Logger LOG = LogManager.getLogger(PooledResponse.class);

    /** Work that renders its response with the channel's content builder. */
    @FunctionalInterface
    interface Work {
        /**
         * @param channel the request's channel, for {@link RestChannel#newBuilder()}
         * @return the response to send
         * @throws Exception anything; it is sent as an error response
         */
        RestResponse respond(RestChannel channel) throws Exception;
    }

    private PooledResponse() {
    }

    /**
     * Queues the work on the inference pool, or answers 429 at once when the pool's queue is full.
     *
     * @param threadPool the node's thread pools
     * @param channel    the request's channel
     * @param work       what to run on the inference pool
     */
    static void onInferencePool(ThreadPool threadPool, RestChannel channel, Work work) {
        try {
            threadPool.executor(InferenceThreadPool.NAME).execute(() -> run(channel, work));
        } catch (OpenSearchRejectedExecutionException e) {
            sendError(channel, e);
        }
    }

    private static void run(RestChannel channel, Work work) {
        RestResponse response;
        try {
            response = work.respond(channel);
        } catch (Exception e) {
            sendError(channel, PooledEmbedder.asBadInput(e));
            return;
        }
        channel.sendResponse(response);
    }

    private static void sendError(RestChannel channel, Exception e) {
        if (!(e instanceof IllegalArgumentException) && !(e instanceof OpenSearchRejectedExecutionException)) {
            LOG.warn("Lookalike request [" + channel.request().path() + "] failed", e);
        }
        try {
            channel.sendResponse(new BytesRestResponse(channel, e));
        } catch (IOException | RuntimeException failure) {
            failure.addSuppressed(e);
            LOG.error("cannot send the error response of Lookalike request [" + channel.request().path() + "]", failure);
        }
    }
}
