package dev.lookalike.tools.bench.soak;

import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sends the soak's requests to the nodes, one drawn at random per request, as a client that is told to slow down
 * does: a 429 answer (the node's "too many requests") is retried after a back-off that doubles from
 * {@value #FIRST_BACKOFF_MILLIS} ms up to {@value #MAX_BACKOFF_MILLIS} ms, at most {@value #MAX_RETRIES} times;
 * every other answer is returned. The latency of each answered request, retries apart, goes to the counters.
 * Thread-safe.
 */
final class RetryingClient {

    static final int MAX_RETRIES = 10;
    static final long FIRST_BACKOFF_MILLIS = 50;
    static final long MAX_BACKOFF_MILLIS = 2000;

    private final List<NodeHttp> nodes;
    private final OperationCounters counters;

    /**
     * @param nodes    the nodes to spread requests over
     * @param counters where latencies and retries are counted
     */
    RetryingClient(List<NodeHttp> nodes, OperationCounters counters) {
        this.nodes = List.copyOf(nodes);
        this.counters = counters;
    }

    /**
     * @param op     the operation the request belongs to
     * @param random the calling thread's random numbers (picks the node)
     * @param method the HTTP method
     * @param path   the path with its query
     * @param body   the body, or {@code null}
     * @return the first answer that is not a 429, or the last 429 after {@value #MAX_RETRIES} retries
     * @throws IOException if a node cannot be reached
     */
    NodeHttp.Answer send(SoakOperation op, SplittableRandom random, String method, String path, String body)
            throws IOException {
        for (int attempt = 0; ; attempt++) {
            NodeHttp node = nodes.get(random.nextInt(nodes.size()));
            long start = System.nanoTime();
            NodeHttp.Answer answer = node.send(method, path, body);
            if (answer.status() != 429 || attempt == MAX_RETRIES) {
                counters.answered(op, (System.nanoTime() - start) / 1000);
                return answer;
            }
            counters.countRetry(op);
            backOff(attempt);
        }
    }

    /**
     * Sleeps before the next try of something the node answered 429.
     *
     * @param attempt how many tries came before, from 0
     * @throws IOException if interrupted
     */
    static void backOff(int attempt) throws IOException {
        long millis = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 16));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while backing off after a 429", e);
        }
    }
}
