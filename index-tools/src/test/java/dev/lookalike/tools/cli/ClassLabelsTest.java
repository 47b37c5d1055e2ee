package dev.lookalike.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void classListsParseRangesAndRefuseGarbage() {
        assertEquals(List.of(0, 1, 2, 3, 4), ClassLabels.parse("0-4"));
        assertEquals(List.of(7, 2), ClassLabels.parse("7, 2,7"));
        assertTrue(ClassLabels.parse(null).isEmpty());
        for (String bad : List.of("a", "4-2", "-1", "1-", "1,,2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassLabels.parse(bad));
            assertTrue(e.getMessage().contains("--classes"), e.getMessage());
        }
    }
}
