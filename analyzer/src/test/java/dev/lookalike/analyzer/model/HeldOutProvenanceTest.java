package dev.lookalike.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.HeldOutSplit;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutProvenanceTest {

    /** A folder of two categories whose items are named as given, the even ones in the first. */
    private record Folder(List<String> names) implements LabelledDataset {
        @Override
        public String description() {
            return "folder shop";
        }

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public int label(int index) {
            return index % 2;
        }

        @Override
        public List<String> classNames() {
            return List.of("shirts", "shoes");
        }

        @Override
        public String itemName(int index) {
            return names.get(index);
        }

        @Override
        public PixelImage image(int index, ImageDecoder decoder) {
            return PixelImage.grey(1, 1, new float[] {0f});
        }
    }

    private static Folder folder(int size, String prefix) {
        return new Folder(IntStream.range(0, size).mapToObj(i -> prefix + i + ".png").toList());
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
