package dev.lookalike.analyzer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddingTimesTest {

    /** The value with p percent of the values at or below it, as HdrHistogram defines a percentile. */
    private static double percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void assertClose(double expected, double actual, String what) {
        // HdrHistogram keeps three significant digits.
        assertEquals(expected, actual, Math.max(1e-3, Math.abs(expected) * 2e-3), what);
    }

    @Test
    void percentilesOfTimesRecordedFromManyThreadsMatchTheSortedValues() throws Exception {
        EmbeddingTimes times = new EmbeddingTimes();
        Random random = new Random(7);
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            long seed = random.nextLong();
            threads.execute(() -> {
                Random r = new Random(seed);
                for (int i = 0; i < 2500; i++) {
                    long us = 200 + (long) (Math.abs(r.nextGaussian()) * 20_000);
                    micros.add(us);
                    times.batchEmbedded(1 + r.nextInt(32), us * 1000);
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        Percentiles read = times.inferenceMillis();
        assertEquals(10_000, read.count());
        assertClose(percentile(sorted, 50) / 1000.0, read.p50(), "p50");
        assertClose(percentile(sorted, 90) / 1000.0, read.p90(), "p90");
        assertClose(percentile(sorted, 99) / 1000.0, read.p99(), "p99");
        assertClose(sorted.get(sorted.size() - 1) / 1000.0, read.max(), "max");
        assertClose(sorted.stream().mapToLong(Long::longValue).average().orElseThrow() / 1000.0, read.mean(), "mean");
        assertEquals(10_000, times.batchSizes().count());
        assertEquals(0, times.decodeMillis().count());
    }

    @Test
    void aReadCountsEverythingSinceTheStartNotSinceTheLastRead() {
        EmbeddingTimes times = new EmbeddingTimes();
        assertEquals(Percentiles.NONE, times.decodeMillis());
        times.imageDecoded(3_000_000);
        assertEquals(1, times.decodeMillis().count());
        times.imageDecoded(5_000_000);
        times.imageDecoded(4_000_000);
        Percentiles read = times.decodeMillis();
        assertEquals(3, read.count());
        assertClose(4, read.p50(), "p50");
        assertClose(5, read.max(), "max");
    }
}
