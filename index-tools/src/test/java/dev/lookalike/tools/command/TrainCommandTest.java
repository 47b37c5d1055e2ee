package dev.lookalike.tools.command;

import dev.lookalike.tools.CliFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookalike train}'s refusals, which come before any data is read. */
class TrainCommandTest {

    @TempDir
    Path out;

    @Test
    void monitoringOnImagesItTrainsOnIsRefusedNamingTheWaysOut() {
        CliFixtures.Run run = CliFixtures.run("train", "--train-split", "train", "--out", out.toString());
        CliFixtures.assertBad(run, "--eval-split validation is part of --train-split train");
        CliFixtures.assertBad(run, "--eval-images 0");
    }

    @Test
    void anUnknownTrainingSplitIsNamed() {
        CliFixtures.assertBad(CliFixtures.run("train", "--train-split", "test", "--out", out.toString()),
                "--train-split: expected fit or train");
    }

    @Test
    void aProxyAnchorWeightOutsideZeroToBelowOneIsNamed() {
        for (String bad : new String[] {"1", "-0.1"}) {
            CliFixtures.assertBad(CliFixtures.run("train", "--proxy-anchor", bad, "--out", out.toString()),
                    "--proxy-anchor: expected a weight from 0 to below 1");
        }
    }

    @Test
    void aProbabilityOutsideZeroToOneIsNamedWithItsOption() {
        for (String option : new String[] {"--photo-augmentation", "--random-erasing"}) {
            for (String bad : new String[] {"1.5", "-0.1", "NaN"}) {
                CliFixtures.assertBad(CliFixtures.run("train", option, bad, "--out", out.toString()),
                        option + ": expected a probability from 0 to 1, got " + Float.parseFloat(bad));
            }
        }
    }

    @Test
    void oneFolderForTheBundleAndTheCheckpointsIsRefused() {
        CliFixtures.assertBad(CliFixtures.run("train", "--out", out.toString(), "--checkpoints", out.toString()),
                "--out and --checkpoints are both");
    }
}
