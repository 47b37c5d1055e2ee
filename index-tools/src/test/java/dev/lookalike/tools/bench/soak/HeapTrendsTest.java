package dev.lookalike.tools.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class HeapTrendsTest {

    /** 100 windows of 6 s; the old generation is collected every fourth window, with the given occupancy. */
    private static List<SoakResult.Window> windows(IntToDoubleFunction oldAfterGc) {
        List<SoakResult.Window> windows = new ArrayList<>();
        double after = oldAfterGc.applyAsDouble(0);
        for (int w = 1; w <= 100; w++) {
            long collections = w / 4;
            if (w % 4 == 0) {
                after = oldAfterGc.applyAsDouble(w);
            }
            // Heap used saws up and down between collections, and must not be what is judged.
            double used = 200 + 100 * (w % 4);
            windows.add(new SoakResult.Window(w * 6.0, 10, 10, 1.0, 2.0, 3.0, 4.0,
                    List.of(new HeapReading("n0", used, 1024, after, collections))));
        }
        return windows;
    }

    @Test
    void oldGenerationThatKeepsGrowingAfterCollectionsIsRising() {
        SoakResult.HeapTrend trend = HeapTrends.of(windows(w -> 40 + 0.5 * w + (w % 8 == 0 ? 1 : -1))).get(0);
        assertFalse(trend.flat(), trend::toString);
        // 0.5 MB a window of 6 s is 5 MB a minute.
        assertEquals(5, trend.slopeMbPerMinute(), 0.2);
        assertEquals(21, trend.collections(), "collections in the last 80 %: windows 20, 24, ..., 100");
        assertEquals(120, trend.fromSeconds(), 1e-9);
    }

    @Test
    void oldGenerationThatOnlyWobblesIsFlat() {
        SoakResult.HeapTrend trend = HeapTrends.of(windows(w -> 60 + (w % 8 == 0 ? 4 : -4))).get(0);
        assertTrue(trend.flat(), trend::toString);
        assertEquals(60, trend.endMb(), 4.01);
    }

    @Test
    void growthDuringTheFirstFifthIsLeftOut() {
        SoakResult.HeapTrend trend = HeapTrends.of(windows(w -> w < 20 ? 2 * w : 40 + (w % 8 == 0 ? 1 : -1)))
                .get(0);
        assertTrue(trend.flat(), trend::toString);
    }

    @Test
    void withoutCollectionsTheHeapCannotBeJudgedFlat() {
        List<SoakResult.Window> windows = new ArrayList<>();
        for (int w = 1; w <= 50; w++) {
            windows.add(new SoakResult.Window(w * 6.0, 1, 1, null, null, null, null,
                    List.of(new HeapReading("n0", 300, 1024, 4, 6))));
        }
        SoakResult.HeapTrend trend = HeapTrends.of(windows).get(0);
        assertFalse(trend.flat());
        assertTrue(trend.verdict().startsWith("cannot judge: 0 old-generation collections"), trend.verdict());
    }
}
