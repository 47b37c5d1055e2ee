package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyNcaTrainerTest {

    private static final NetworkSpec TINY = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(8)), 16, 0f);

    /** Remembers what the trainer reports. */
    static final class Recorder implements TrainingListener {
        final List<Integer> started = new ArrayList<>();
        final List<EpochReport> reports = new ArrayList<>();
        final List<Float> losses = new ArrayList<>();

        @Override
        public void epochStarted(int epoch, int batches) {
            started.add(epoch);
        }

        @Override
        public void batchDone(int epoch, int batch, float loss) {
            losses.add(loss);
        }

        @Override
        public void epochDone(EpochReport report) {
            reports.add(report);
        }

        final List<String> infos = new ArrayList<>();

        @Override
        public void info(String message) {
            infos.add(message);
        }
    }

    private static final ShapesDataset TRAIN = ShapesDataset.of(60, 1);
    private static final ShapesDataset HELD_OUT = ShapesDataset.of(20, 2);

    private static TrainingConfig config(int epochs) {
        return config(epochs, 0f);
    }

    private static TrainingConfig config(int epochs, float instanceWeight) {
        return config(epochs, instanceWeight, 0f);
    }

    private static TrainingConfig config(int epochs, float instanceWeight, float photoAugmentation) {
        return new TrainingConfig("shapes", List.of(), epochs, 30, 0.01f, 0.05f, 1e-4f, 1f / 9, instanceWeight, true, 0.5f,
                photoAugmentation, false, 42);
    }

    private static ModelBundle train(int epochs, Recorder recorder, Path checkpoints, boolean resume) {
        return train(config(epochs), recorder, checkpoints, resume);
    }

    private static ModelBundle train(TrainingConfig config, Recorder recorder, Path checkpoints, boolean resume) {
        return new ProxyNcaTrainer(config, TINY, InputSpec.fashionMnist(), recorder)
                .train(TRAIN, HELD_OUT, checkpoints, resume);
    }

    private static void deleteCheckpoint(Path checkpoints, int epoch) throws IOException {
        Path dir = checkpoints.resolve(String.format("epoch-%03d", epoch));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Test
    void aResumedRunEndsExactlyWhereTheUninterruptedRunDoes(@TempDir Path dir) throws IOException {
        for (TrainingConfig config : List.of(config(3, 0f), config(3, 0.5f), config(3, 0f, 0.5f))) {
            String what = "instance weight " + config.instanceWeight() + ", photo augmentation " + config.photoAugmentation();
            Path checkpoints = dir.resolve(what.replace(' ', '-').replace(",", ""));
            ModelBundle straight = train(config, new Recorder(), checkpoints, false);
            deleteCheckpoint(checkpoints, 3);
            Recorder resumed = new Recorder();
            ModelBundle continued = train(config, resumed, checkpoints, true);
            assertEquals(List.of(3), resumed.started);
            assertArrayEquals(straight.parameters(), continued.parameters(), what);
            assertArrayEquals(straight.proxies().vectors(), continued.proxies().vectors(), what);
        }
    }

    @Test
    void photoAugmentationChangesTheRunAndIsRecordedInTheBundle(@TempDir Path dir) {
        ModelBundle plain = train(config(1, 0f), new Recorder(), null, false);
        ModelBundle photos = train(config(1, 0f, 0.5f), new Recorder(), dir, false);
        assertFalse(Arrays.equals(plain.parameters(), photos.parameters()), "half the images became photos");
        assertEquals(0f, plain.spec().training().photoAugmentation());
        assertEquals(List.of(), plain.spec().training().photoDistortions());
        for (ModelBundle bundle : List.of(photos, ModelBundle.load(dir.resolve("epoch-001")))) {
            assertEquals(0.5f, bundle.spec().training().photoAugmentation());
            assertEquals(PhotoAugmenter.kindNames(0.5f, false), bundle.spec().training().photoDistortions());
        }
    }

    @Test
    void aCheckpointWithoutTrainingStateResumesWithFreshMomentsAndSaysSo(@TempDir Path dir) throws IOException {
        ModelBundle straight = train(3, new Recorder(), dir, false);
        deleteCheckpoint(dir, 3);
        Files.delete(dir.resolve("epoch-002").resolve(TrainingState.FILE));
        Recorder resumed = new Recorder();
        ModelBundle continued = train(3, resumed, dir, true);
        assertEquals(List.of(3), resumed.started);
        assertTrue(resumed.infos.stream().anyMatch(m -> m.contains("no training state")), resumed.infos.toString());
        assertFalse(Arrays.equals(straight.parameters(), continued.parameters()),
                "without the moments the run takes another path: what the state file is for");
    }

    @Test
    void learnsToTellSimpleShapesApartAndIsRepeatable() {
        Recorder first = new Recorder();
        ModelBundle a = train(3, first, null, false);
        assertEquals(List.of(1, 2, 3), first.started);
        assertEquals(3, first.reports.size());
        EpochReport last = first.reports.get(2);
        assertTrue(last.proxyAccuracy() >= 0.9, "held-out proxy accuracy " + last.proxyAccuracy());
        assertTrue(last.recallAt1() >= 0.9, "held-out recall@1 " + last.recallAt1());
        assertTrue(first.reports.get(2).meanLoss() < first.reports.get(0).meanLoss(), "the loss goes down");
        assertEquals(18, first.losses.size(), "6 batches of 30 in each of 3 epochs");

        assertEquals(List.of("horizontal", "vertical", "square"), a.spec().classes());
        assertEquals(TINY, a.spec().network());
        assertEquals(3, a.spec().training().epochs());
        assertEquals(180, a.spec().training().images());
        for (float[] proxy : a.proxies().vectors()) {
            assertEquals(16, proxy.length);
            assertEquals(1.0, VectorMath.dot(proxy, proxy), 1e-5);
        }

        ModelBundle b = train(3, new Recorder(), null, false);
        assertArrayEquals(a.parameters(), b.parameters(), "the same seed gives the same network");
        assertArrayEquals(a.proxies().vectors(), b.proxies().vectors());
    }

    @Test
    void resumesFromTheNewestCheckpoint(@TempDir Path dir) {
        Path checkpoints = dir.resolve("checkpoints");
        train(2, new Recorder(), checkpoints, false);
        Recorder resumed = new Recorder();
        ModelBundle finished = train(3, resumed, checkpoints, true);
        assertEquals(List.of(3), resumed.started);
        assertEquals(3, finished.spec().training().epochs());
        for (int epoch = 1; epoch <= 3; epoch++) {
            Path checkpoint = checkpoints.resolve(String.format("epoch-%03d", epoch));
            assertTrue(Files.isDirectory(checkpoint), checkpoint.toString());
            ModelBundle loaded = ModelBundle.load(checkpoint);
            assertEquals(TINY, loaded.spec().network());
        }
        ModelBundle third = ModelBundle.load(checkpoints.resolve("epoch-003"));
        assertArrayEquals(third.parameters(), finished.parameters(), "the last checkpoint is the result");

        Recorder nothingLeft = new Recorder();
        ModelBundle again = train(3, nothingLeft, checkpoints, true);
        assertEquals(List.of(), nothingLeft.started, "all epochs were done");
        assertArrayEquals(third.parameters(), again.parameters(), "a finished run resumes to its last checkpoint");
    }

    @Test
    void refusesToResumeACheckpointOfAnotherArchitecture(@TempDir Path dir) {
        train(1, new Recorder(), dir, false);
        NetworkSpec other = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(4)), 16, 0f);
        ProxyNcaTrainer trainer = new ProxyNcaTrainer(config(2), other, InputSpec.fashionMnist(), new Recorder());
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> trainer.train(TRAIN, HELD_OUT, dir, true));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void refusesClassesTheDatasetDoesNotHave() {
        TrainingConfig config = new TrainingConfig("shapes", List.of(0, 5), 1, 30, 0.01f, 0.05f, 0f, 1f / 9, 0f, false, 0f, 0f, false, 1);
        ProxyNcaTrainer trainer = new ProxyNcaTrainer(config, TINY, InputSpec.fashionMnist(), new Recorder());
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> trainer.train(TRAIN, null, null, false));
        assertTrue(e.getMessage().contains("class 5"), e.getMessage());
    }

    @Test
    void refusesToTrainOnOneCategoryNamingIt() {
        TrainingConfig config = new TrainingConfig("shapes", List.of(1), 1, 30, 0.01f, 0.05f, 0f, 1f / 9, 0f, false, 0f, 0f, false, 1);
        ProxyNcaTrainer trainer = new ProxyNcaTrainer(config, TINY, InputSpec.fashionMnist(), new Recorder());
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> trainer.train(TRAIN, null, null, false));
        assertTrue(e.getMessage().contains(TRAIN.description()) && e.getMessage().contains("1 category")
                && e.getMessage().contains("[vertical]") && e.getMessage().contains("at least 2"), e.getMessage());
    }

    /** The training shapes, with the images {@code unreadable} picks failing to decode as a broken file does. */
    private record PartlyUnreadable(LabelledDataset source, IntPredicate unreadable) implements LabelledDataset {
        @Override
        public String description() {
            return source.description();
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public int label(int index) {
            return source.label(index);
        }

        @Override
        public List<String> classNames() {
            return source.classNames();
        }

        @Override
        public String itemName(int index) {
            return source.itemName(index);
        }

        @Override
        public PixelImage image(int index, ImageDecoder decoder) {
            if (unreadable.test(index)) {
                throw new AnalyzerInputException(itemName(index), "not an image");
            }
            return source.image(index, decoder);
        }
    }

    @Test
    void unreadableImagesAreListedAndCountedAndTrainingGoesOn() {
        Recorder recorder = new Recorder();
        new ProxyNcaTrainer(config(1), TINY, InputSpec.fashionMnist(), recorder)
                .train(new PartlyUnreadable(TRAIN, i -> i == 4 || i == 17), null, null, false);
        List<String> skipped = recorder.infos.stream().filter(m -> m.startsWith("skipped")).toList();
        assertEquals(3, skipped.size(), recorder.infos.toString());
        assertTrue(skipped.get(0).contains(TRAIN.itemName(4)) && skipped.get(1).contains(TRAIN.itemName(17)), skipped.toString());
        assertTrue(skipped.get(2).contains("skipped 2 of 180 images"), skipped.get(2));
        assertEquals(List.of(1), recorder.started, "and it trains");
    }

    @Test
    void aCategoryOfUnreadableImagesIsNamedAndADatasetOfThemToo() {
        ProxyNcaTrainer trainer = new ProxyNcaTrainer(config(1), TINY, InputSpec.fashionMnist(), new Recorder());
        AnalyzerInputException category = assertThrows(AnalyzerInputException.class,
                () -> trainer.train(new PartlyUnreadable(TRAIN, i -> TRAIN.label(i) == 2), null, null, false));
        assertTrue(category.getMessage().contains("category square") && category.getMessage().contains("none of its images"),
                category.getMessage());
        AnalyzerInputException all = assertThrows(AnalyzerInputException.class,
                () -> trainer.train(new PartlyUnreadable(TRAIN, i -> true), null, null, false));
        assertTrue(all.getMessage().contains(TRAIN.description()) && all.getMessage().contains("none of its 180 images"),
                all.getMessage());
    }
}
