package dev.lookalike.tools.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassSelectionTest {

    @Test
    void defaultsToUnseenClassesForAnOpenSetModel() {
        ClassSelection s = ClassSelection.parse(null, List.of(0, 1, 2, 3, 4), 10);
        assertEquals(List.of(5, 6, 7, 8, 9), s.labels());
        assertTrue(s.describe().contains("unseen"));
    }

    @Test
    void defaultsToAllClassesForAModelTrainedOnAllAndForBaselines() {
        assertEquals(10, ClassSelection.parse(null, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 10).labels().size());
        assertEquals(10, ClassSelection.parse(null, null, 10).labels().size());
    }

    @Test
    void seenAndListsAreHonoured() {
        assertEquals(List.of(0, 1, 2), ClassSelection.parse("seen", List.of(2, 0, 1), 10).labels());
        assertEquals(List.of(1, 3, 4, 5), ClassSelection.parse("5,3-4,1", null, 10).labels());
    }

    @Test
    void refusesLabelsOutsideTheDatasetAndUnseenWhenEverythingWasSeen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassSelection.parse("3,12", null, 10));
        assertTrue(e.getMessage().contains("12"));
        assertThrows(IllegalArgumentException.class, () -> ClassSelection.parse("unseen", null, 10));
    }
}
