package dev.lookalike.analyzer.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingConfigTest {

    private static TrainingConfig config(List<Integer> classes, int epochs, int batchSize, float lr, float proxyLr,
            float weightDecay, float temperature) {
        return new TrainingConfig("m", classes, epochs, batchSize, lr, proxyLr, weightDecay, temperature, 0f, true, 0f, 0f, false, 1);
    }

    @Test
    void acceptsUsualValues() {
        assertDoesNotThrow(() -> config(List.of(), 12, 120, 0.002f, 0.02f, 1e-4f, 1f / 9));
        assertDoesNotThrow(() -> config(List.of(0, 1, 2), 1, 2, 0.002f, 0.02f, 0f, 1f / 9));
    }

    @Test
    void refusesBadValues() {
        List<Integer> all = List.of();
        assertThrows(IllegalArgumentException.class, () -> config(all, 0, 120, 0.002f, 0.02f, 0f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 1, 0.002f, 0.02f, 0f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 120, 0f, 0.02f, 0f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 120, Float.NaN, 0.02f, 0f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 120, 0.002f, -0.02f, 0f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 120, 0.002f, 0.02f, 0f, 0f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 120, 0.002f, 0.02f, -1e-4f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(all, 12, 120, 0.002f, 0.02f, Float.NaN, 0.1f));
    }

    @Test
    void refusesDuplicateOrNegativeClasses() {
        assertThrows(IllegalArgumentException.class, () -> config(List.of(1, 2, 1), 1, 2, 0.01f, 0.1f, 0f, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> config(List.of(-1, 2), 1, 2, 0.01f, 0.1f, 0f, 0.1f));
    }

    @Test
    void classesAreCopied() {
        List<Integer> classes = new ArrayList<>(List.of(0, 1));
        TrainingConfig c = config(classes, 1, 2, 0.01f, 0.1f, 0f, 0.1f);
        classes.add(2);
        assertEquals(List.of(0, 1), c.classes());
    }
}
