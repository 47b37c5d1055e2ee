package dev.lookalike.analyzer.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluationReportTest {

    private static EvaluationReport report(double nmi) {
        Map<Integer, Double> recall = new LinkedHashMap<>();
        recall.put(1, 0.5);
        recall.put(2, 0.6);
        recall.put(4, 0.7);
        recall.put(8, 0.8);
        return new EvaluationReport(recall, 0.3, 0.55, nmi, 10, 0);
    }

    @Test
    void orderedMapHasTheResultFileKeysInOrder() {
        Map<String, Double> map = report(0.9).toOrderedMap();
        assertEquals(List.of("recall@1", "recall@2", "recall@4", "recall@8", "map@r", "mrr", "nmi"),
                List.copyOf(map.keySet()));
        assertEquals(List.of(0.5, 0.6, 0.7, 0.8, 0.3, 0.55, 0.9), List.copyOf(map.values()));
    }

    @Test
    void nmiNotComputedMapsToNullAndCanBeAddedLater() {
        EvaluationReport withoutNmi = report(Double.NaN);
        assertNull(withoutNmi.toOrderedMap().get("nmi"));
        assertEquals(0.25, withoutNmi.withNmi(0.25).toOrderedMap().get("nmi"));
        assertEquals(withoutNmi.recallAtK(), withoutNmi.withNmi(0.25).recallAtK());
    }

    @Test
    void recallMapCannotBeChangedThroughTheReport() {
        Map<Integer, Double> recall = new LinkedHashMap<>(Map.of(1, 0.5));
        EvaluationReport report = new EvaluationReport(recall, 0, 0, Double.NaN, 1, 0);
        recall.put(1, 0.0);
        assertEquals(0.5, report.recallAtK().get(1));
        assertThrows(UnsupportedOperationException.class, () -> report.recallAtK().put(2, 1.0));
    }
}
