package dev.lookalike.solr.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

class InferencePoolTest {

    @Test
    void aBurstBeyondTheQueueIsAnswered429AndUpdatesRunOnTheirOwnThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (InferencePool pool = new InferencePool(1, 1)) {
            callers.submit(() -> pool.call(() -> {
                started.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
            started.await(10, TimeUnit.SECONDS);
            callers.submit(() -> pool.call(() -> true)); // waits in the queue
            Thread.sleep(100);
            assertEquals(1, pool.active());
            assertEquals(1, pool.queued());
            SolrException e = assertThrows(SolrException.class, () -> pool.call(() -> 1));
            assertEquals(429, e.code());
            assertTrue(e.getMessage().contains("[lookalike.inference_queue_size]"), e.getMessage());
            String thread = pool.callOrRunHere(() -> Thread.currentThread().getName());
            assertEquals(Thread.currentThread().getName(), thread, "an update runs on its own thread when full");
            assertEquals(1, pool.rejectedTasks(), "the 429 is counted; the update that ran here is not refused");
            release.countDown();
            callers.shutdown();
            assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(0, pool.queued());
            assertEquals(2, pool.completedTasks());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void badInputIsAnswered400WithTheAnalyzersMessage() {
        try (InferencePool pool = new InferencePool(1, 4)) {
            SolrException e = assertThrows(SolrException.class, () -> pool.call(() -> {
                throw new AnalyzerInputException("[image]", "is not an image");
            }));
            assertEquals(400, e.code());
            assertEquals("[image]: is not an image", e.getMessage());
            assertEquals("lookalike-inference-1", pool.call(() -> Thread.currentThread().getName()));
        }
    }
}
