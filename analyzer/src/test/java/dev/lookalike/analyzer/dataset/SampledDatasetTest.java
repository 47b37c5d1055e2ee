package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.PixelImage;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampledDatasetTest {

    /** Item i has label i % 4, is named "item i" and is a 1x1 image of intensity i / size. */
    private record Numbered(int size) implements LabelledDataset {
        @Override
        public String description() {
            return "numbered";
        }

        @Override
        public int label(int index) {
            return index % 4;
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c", "d");
        }

        @Override
        public String itemName(int index) {
            return "item " + index;
        }

        @Override
        public PixelImage image(int index, ImageDecoder decoder) {
            return PixelImage.grey(1, 1, new float[] {(float) index / size});
        }
    }

    private static List<Integer> items(LabelledDataset sample) {
        return IntStream.range(0, sample.size())
                .mapToObj(i -> Integer.parseInt(sample.itemName(i).substring("item ".length()))).toList();
    }

    @Test
    void randomSampleIsRepeatablePerSeed() {
        Numbered source = new Numbered(1000);
        assertEquals(items(SampledDataset.random(source, 50, 7)), items(SampledDataset.random(source, 50, 7)));
        assertNotEquals(items(SampledDataset.random(source, 50, 7)), items(SampledDataset.random(source, 50, 8)));
    }

    @Test
    void randomSampleIsInSourceOrderWithoutDuplicates() {
        List<Integer> picked = items(SampledDataset.random(new Numbered(1000), 200, 3));
        assertEquals(200, picked.size());
        for (int i = 1; i < picked.size(); i++) {
            assertTrue(picked.get(i - 1) < picked.get(i), "strictly increasing at " + i);
        }
        assertTrue(picked.get(0) >= 0 && picked.get(picked.size() - 1) < 1000);
    }

    @Test
    void randomSampleCanPickEveryItem() {
        Numbered source = new Numbered(20);
        BitSet seen = new BitSet();
        for (long seed = 0; seed < 200; seed++) {
            items(SampledDataset.random(source, 3, seed)).forEach(seen::set);
        }
        assertEquals(20, seen.cardinality());
    }

    @Test
    void sampleLargerThanTheSourceTakesEverything() {
        SampledDataset all = SampledDataset.random(new Numbered(10), 50, 1);
        assertEquals(IntStream.range(0, 10).boxed().toList(), items(all));
        assertTrue(all.description().contains("10 sampled"), all.description());
    }

    @Test
    void sampleKeepsLabelsNamesAndImagesOfItsItems() {
        Numbered source = new Numbered(100);
        SampledDataset sample = SampledDataset.random(source, 10, 11);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<Integer> picked = items(sample);
        for (int i = 0; i < sample.size(); i++) {
            int item = picked.get(i);
            assertEquals(source.label(item), sample.label(i));
            assertEquals(source.image(item, decoder).at(0, 0), sample.image(i, decoder).at(0, 0));
        }
        assertEquals(source.classNames(), sample.classNames());
    }

    @Test
    void ofLabelsKeepsExactlyTheMatchingLabels() {
        Numbered source = new Numbered(103);
        Set<Integer> kept = Set.of(1, 3);
        SampledDataset odd = SampledDataset.ofLabels(source, kept::contains, "classes 1 and 3");
        List<Integer> expected = IntStream.range(0, 103).filter(i -> kept.contains(i % 4)).boxed().toList();
        assertEquals(expected, items(odd));
        Set<Integer> labels = new HashSet<>();
        IntStream.range(0, odd.size()).forEach(i -> labels.add(odd.label(i)));
        assertEquals(kept, labels);
        assertEquals("numbered classes 1 and 3", odd.description());
    }

    @Test
    void ofLabelsMatchingNothingIsEmpty() {
        assertEquals(0, SampledDataset.ofLabels(new Numbered(10), label -> label > 10, "none").size());
    }
}
