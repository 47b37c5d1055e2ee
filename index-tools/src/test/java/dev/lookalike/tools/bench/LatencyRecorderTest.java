package dev.lookalike.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static LatencyRecorder recorded(long... millis) {
        LatencyRecorder recorder = new LatencyRecorder(millis.length);
        for (long m : millis) {
            recorder.record(m * 1_000_000);
        }
        return recorder;
    }

    @Test
    void percentilesAreNearestRankWhateverTheRecordingOrder() {
        long[] millis = new long[1000];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = (i * 7919L) % 1000 + 1; // 1..1000 ms, shuffled
        }
        LatencyRecorder recorder = recorded(millis);
        assertEquals(500, recorder.percentileMillis(50), 0);
        assertEquals(990, recorder.percentileMillis(99), 0);
        assertEquals(1000, recorder.percentileMillis(100), 0);
        assertEquals(1, recorder.percentileMillis(0.01), 0);
    }

    @Test
    void smallRunsRoundTheRankUp() {
        LatencyRecorder recorder = recorded(30, 10, 20);
        assertEquals(20, recorder.percentileMillis(50), 0);
        assertEquals(30, recorder.percentileMillis(99), 0);
        assertEquals(7, recorded(7).percentileMillis(99), 0);
    }

    @Test
    void queriesPerSecondIsTheCountOverTheSummedLatencies() {
        assertEquals(4 / 0.5, recorded(100, 100, 200, 100).queriesPerSecond(), 1e-9);
    }

    @Test
    void emptyOrFullRecordersAndBadPercentilesAreRefused() {
        assertThrows(IllegalStateException.class, () -> new LatencyRecorder(3).percentileMillis(50));
        assertThrows(IllegalStateException.class, () -> new LatencyRecorder(3).queriesPerSecond());
        assertThrows(IllegalStateException.class, () -> recorded(1).record(1));
        assertThrows(IllegalArgumentException.class, () -> recorded(1).percentileMillis(0));
        assertThrows(IllegalArgumentException.class, () -> recorded(1).percentileMillis(101));
    }
}
