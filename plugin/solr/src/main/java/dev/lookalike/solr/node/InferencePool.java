package dev.lookalike.solr.node;

import java.io.Closeable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.common.SolrException;

/**
 * The node's pool for image decoding and inference: a fixed number of threads and a bounded queue, so that a
 * burst of image requests waits in a queue of known length instead of piling images up in the heap. A query or
 * an embed request beyond the queue is refused with 429 Too Many Requests ({@link #call}); an update, already
 * holding a request thread of its own, runs on that thread instead ({@link #callOrRunHere}), which slows the
 * update down rather than failing its documents. Thread-safe.
 */
public final class InferencePool implements Closeable {

    private final ThreadPoolExecutor executor;
    private final int queueSize;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param threads   the pool's threads
     * @param queueSize how many tasks may wait
     */
    public InferencePool(int threads, int queueSize) {
        AtomicInteger count = new AtomicInteger();
        this.queueSize = queueSize;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), r -> {
                    Thread t = new Thread(r, "lookalike-inference-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Runs work on the pool and waits for it.
     *
     * @param work the work
     * @param <T>  its result
     * @return the result
     * @throws SolrException 429 when the queue is full, 400 for bad input, else as {@link SolrErrors#of}
     */
    public <T> T call(Callable<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work);
            accepted.incrementAndGet();
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw new SolrException(SolrException.ErrorCode.TOO_MANY_REQUESTS, "Lookalike's inference queue is full ("
                    + queueSize + " waiting, [" + NodeSettings.INFERENCE_QUEUE_SIZE + "]); retry later", e);
        }
        return await(future);
    }

    /**
     * Runs work on the pool and waits for it, or runs it on the calling thread when the queue is full.
     *
     * @param work the work
     * @param <T>  its result
     * @return the result
     * @throws SolrException 400 for bad input, else as {@link SolrErrors#of}
     */
    public <T> T callOrRunHere(Callable<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work);
            accepted.incrementAndGet();
        } catch (RejectedExecutionException e) {
            try {
                return work.call();
            } catch (Exception failure) {
                throw SolrErrors.of(failure);
            }
        }
        return await(future);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw SolrErrors.of(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, "interrupted while embedding", e);
        }
    }

    /** @return how many pieces of work the pool accepted since the node started */
    public long acceptedTasks() {
        return accepted.get();
    }

    /** @return the pool's threads */
    public int threads() {
        return executor.getMaximumPoolSize();
    }

    /** @return tasks waiting now: the queue depth */
    public int queued() {
        return executor.getQueue().size();
    }

    /** @return tasks running now */
    public int active() {
        return executor.getActiveCount();
    }

    /** @return tasks refused with 429 because the queue was full, since the node started */
    public long rejectedTasks() {
        return rejected.get();
    }

    /** @return tasks done since the node started */
    public long completedTasks() {
        return executor.getCompletedTaskCount();
    }

    /** Stops the threads; queued work is dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
