package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.preprocess.InputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourTrainingTest {

    private static final NetworkSpec TINY = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(8)), 16, 0f);
    private static final ColourShapesDataset TRAIN = ColourShapesDataset.of(90, 1);
    private static final ColourShapesDataset HELD_OUT = ColourShapesDataset.of(40, 2);

    private static EpochReport lastEpoch(NetworkSpec network, InputSpec input, ProxyNcaTrainerTest.Recorder reports) {
        TrainingConfig config = new TrainingConfig("colours", List.of(), 3, 30, 0.01f, 0.05f, 1e-4f, 1f / 9, 0f,
                true, 0.25f, 0f, false, 42);
        ModelBundle bundle = new ProxyNcaTrainer(config, network, input, reports).train(TRAIN, HELD_OUT, null, false);
        assertEquals(input, bundle.spec().input(), "the bundle carries the input it was trained on");
        return reports.reports.get(reports.reports.size() - 1);
    }

    @Test
    void aColourModelSeparatesItemsThatDifferOnlyByColourAndAGreyModelCannot() {
        InputSpec grey = InputSpec.fashionMnist().resized(24, 16, 1);
        EpochReport colour = lastEpoch(TINY, grey.resized(24, 16, 3), new ProxyNcaTrainerTest.Recorder());
        EpochReport blind = lastEpoch(TINY, grey, new ProxyNcaTrainerTest.Recorder());
        assertTrue(colour.recallAt1() >= 0.95, "colour model, held-out recall@1 " + colour.recallAt1());
        assertTrue(blind.recallAt1() <= 0.75, "grey model, held-out recall@1 " + blind.recallAt1()
                + ": red and green of one luma look alike in grey");
    }

    @Test
    void aGlobalAverageHeadTrainsOnColourToo() {
        EpochReport averaged = lastEpoch(TINY.withHead(NetworkSpec.GLOBAL_AVERAGE_HEAD),
                InputSpec.fashionMnist().resized(40, 30, 3), new ProxyNcaTrainerTest.Recorder());
        assertTrue(averaged.recallAt1() >= 0.95, "held-out recall@1 " + averaged.recallAt1());
    }

    @Test
    void aCheckpointOfAnotherInputSizeOrChannelsIsNotResumed(@TempDir Path checkpoints) {
        InputSpec colour = InputSpec.fashionMnist().resized(24, 16, 3);
        TrainingConfig oneEpoch = new TrainingConfig("colours", List.of(), 1, 30, 0.01f, 0.05f, 0f, 1f / 9, 0f,
                false, 0f, 0f, false, 42);
        new ProxyNcaTrainer(oneEpoch, TINY.withHead(NetworkSpec.GLOBAL_AVERAGE_HEAD), colour,
                new ProxyNcaTrainerTest.Recorder()).train(TRAIN, null, checkpoints, false);
        TrainingConfig twoEpochs = new TrainingConfig("colours", List.of(), 2, 30, 0.01f, 0.05f, 0f, 1f / 9, 0f,
                false, 0f, 0f, false, 42);
        for (InputSpec other : List.of(colour.resized(24, 16, 1), colour.resized(32, 16, 3))) {
            ProxyNcaTrainer trainer = new ProxyNcaTrainer(twoEpochs, TINY.withHead(NetworkSpec.GLOBAL_AVERAGE_HEAD),
                    other, new ProxyNcaTrainerTest.Recorder());
            AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                    () -> trainer.train(TRAIN, null, checkpoints, true));
            assertTrue(e.getMessage().contains(checkpoints.toString()) && e.getMessage().contains("input size"),
                    e.getMessage());
        }
    }
}
