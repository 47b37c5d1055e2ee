package dev.lookalike.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.HeldOutSplit;
import dev.lookalike.analyzer.dataset.NamedItems;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutProvenanceTest {

    /** A folder of two categories whose items are named prefix + index, the even ones in the first. */
    private static NamedItems folder(int size, String prefix) {
        return new NamedItems("folder shop", IntStream.range(0, size).mapToObj(i -> prefix + i + ".png").toList(),
                IntStream.range(0, size).map(i -> i % 2).toArray(), List.of("shirts", "shoes"));
    }

    private static List<Integer> heldOut(HeldOutSplit split) {
        return IntStream.range(0, split.heldOut().size()).mapToObj(split.heldOut()::sourceIndex).toList();
    }

    @Test
    void theRecordedSplitIsMadeAgainFromTheSameFolder() {
        HeldOutSplit training = HeldOutSplit.stratified(folder(60, "a"), 0.1, 7);
        HeldOutProvenance recorded = HeldOutProvenance.of(training, 0.1, 7);
        assertEquals(6, recorded.images());
        assertEquals(heldOut(training), heldOut(recorded.splitOf(folder(60, "a"))));
    }

    @Test
    void aFolderWithImagesAddedOrRenamedIsRefusedByName() {
        HeldOutProvenance recorded = HeldOutProvenance.of(HeldOutSplit.stratified(folder(60, "a"), 0.1, 7), 0.1, 7);
        AnalyzerInputException added = assertThrows(AnalyzerInputException.class,
                () -> recorded.splitOf(folder(80, "a")));
        assertTrue(added.getMessage().startsWith("folder shop: no longer splits as it did in training"),
                added.getMessage());
        AnalyzerInputException renamed = assertThrows(AnalyzerInputException.class,
                () -> recorded.splitOf(folder(60, "b")));
        assertTrue(renamed.getMessage().contains("6 images held out then, 6 other or differently named ones now"),
                renamed.getMessage());
    }
}
