package dev.lookalike.analyzer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

    /** Category sizes 40, 25, 3, 1, 2 and 8, in shuffled order. */
    private static NamedItems categories() {
        List<Integer> labels = new ArrayList<>();
        int[] sizes = {40, 25, 3, 1, 2, 8};
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                labels.add(c);
            }
        }
        java.util.Collections.shuffle(labels, new java.util.Random(5));
        return new NamedItems("labelled", IntStream.range(0, labels.size()).mapToObj(String::valueOf).toList(),
                labels.stream().mapToInt(Integer::intValue).toArray(), List.of("a", "b", "c", "d", "e", "f"));
    }

    private static List<Integer> items(LabelledDataset view) {
        return IntStream.range(0, view.size()).mapToObj(i -> Integer.parseInt(view.itemName(i))).toList();
    }

    private static int count(LabelledDataset view, int label) {
        return (int) IntStream.range(0, view.size()).filter(i -> view.label(i) == label).count();
    }

    @Test
    void eachCategoryGivesItsShareAndAtLeastTwoWhenItHasFourAndOneWhenItHasTwo() {
        HeldOutSplit split = HeldOutSplit.stratified(categories(), 0.1, 42);
        assertEquals(4, count(split.heldOut(), 0), "10 % of 40");
        assertEquals(3, count(split.heldOut(), 1), "10 % of 25, rounded");
        assertEquals(1, count(split.heldOut(), 2), "at least one of 3");
        assertEquals(0, count(split.heldOut(), 3), "a category's only image stays in training");
        assertEquals(1, count(split.heldOut(), 4), "one of 2");
        assertEquals(1, count(split.train(), 4), "and the other trains");
        assertEquals(2, count(split.heldOut(), 5), "two of 8, so that each has another of its category to find");
    }

    @Test
    void theTwoPartsAreDisjointCoverTheDatasetAndKeepItsOrder() {
        NamedItems data = categories();
        HeldOutSplit split = HeldOutSplit.stratified(data, 0.2, 1);
        TreeSet<Integer> all = new TreeSet<>(items(split.train()));
        all.addAll(items(split.heldOut()));
        assertEquals(data.size(), all.size());
        assertEquals(data.size(), split.train().size() + split.heldOut().size(), "no item in both");
        assertEquals(items(split.heldOut()).stream().sorted().toList(), items(split.heldOut()));
        assertEquals(items(split.train()).stream().sorted().toList(), items(split.train()));
        for (int i = 0; i < split.heldOut().size(); i++) {
            assertEquals(data.label(Integer.parseInt(split.heldOut().itemName(i))), split.heldOut().label(i));
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        NamedItems data = categories();
        assertEquals(items(HeldOutSplit.stratified(data, 0.1, 42).heldOut()),
                items(HeldOutSplit.stratified(data, 0.1, 42).heldOut()));
        assertNotEquals(items(HeldOutSplit.stratified(data, 0.1, 42).heldOut()),
                items(HeldOutSplit.stratified(data, 0.1, 43).heldOut()));
        // The names' hash, which a bundle records, tells the two apart as well.
        assertEquals(HeldOutSplit.stratified(data, 0.1, 42).heldOutNamesSha256(),
                HeldOutSplit.stratified(data, 0.1, 42).heldOutNamesSha256());
        assertNotEquals(HeldOutSplit.stratified(data, 0.1, 42).heldOutNamesSha256(),
                HeldOutSplit.stratified(data, 0.1, 43).heldOutNamesSha256());
        assertEquals(64, HeldOutSplit.stratified(data, 0.1, 42).heldOutNamesSha256().length());
    }

    @Test
    void theDescriptionsSayWhatWasHeldOut() {
        HeldOutSplit split = HeldOutSplit.stratified(categories(), 0.1, 42);
        assertTrue(split.heldOut().description().contains("held out: 11 of 79"), split.heldOut().description());
        assertTrue(split.train().description().contains("training: 68 of 79"), split.train().description());
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        for (double bad : new double[] {0, 1, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeldOutSplit.stratified(categories(), bad, 1));
            assertTrue(e.getMessage().contains("held-out fraction"), e.getMessage());
        }
    }
}
