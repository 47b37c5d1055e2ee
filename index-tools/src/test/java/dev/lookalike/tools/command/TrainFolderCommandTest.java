package dev.lookalike.tools.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.CliFixtures;
import dev.lookalike.tools.cli.TempFolder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookalike train --dataset DIR}: the held-out split, the folders it refuses, the images it skips and
 * the bundle it never leaves half-written. Runs train a tiny network for an epoch or two on the shapes.
 */
class TrainFolderCommandTest {

    @TempDir
    Path root;

    /** Trains the tiny network for an epoch in batches of 20 unless {@code more} says otherwise. */
    private CliFixtures.Run train(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", data.toString(), "--out", out.toString(),
                "--name", "shapes", "--stages", "4|8"));
        args.addAll(List.of(more));
        for (String[] option : new String[][] {{"--batch-size", "20"}, {"--epochs", "1"}}) {
            if (!args.contains(option[0])) {
                args.addAll(List.of(option));
            }
        }
        return CliFixtures.run(args.toArray(String[]::new));
    }

    @Test
    void aFolderIsSplitPerCategoryAndEvaluatedAfterEachEpoch() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        CliFixtures.Run run = train(shapes, root.resolve("model"), "--epochs", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("held out 8 of 40 images (10 % of each category, seed 42)"), run.out());
        assertTrue(run.out().contains("training on 32 images of 4 classes"), run.out());
        for (String epoch : new String[] {"epoch 1:", "epoch 2:"}) {
            String line = run.outLines().stream().filter(l -> l.startsWith(epoch)).findFirst().orElseThrow();
            assertFalse(line.contains("n/a"), "figures on the held-out images: " + line);
        }
        assertEquals(List.of("circle", "cross", "square", "stripe"), ModelBundle.load(root.resolve("model")).spec().classes());
    }

    @Test
    void aResumedRunOnAFolderEndsExactlyWhereTheUninterruptedRunDoes() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path checkpoints = root.resolve("ckpt");
        CliFixtures.Run straight = train(shapes, root.resolve("straight"), "--epochs", "2", "--checkpoints",
                checkpoints.toString());
        assertEquals(0, straight.code(), straight.err());
        TempFolder.deleteTree(checkpoints.resolve("epoch-002"));
        CliFixtures.Run resumed = train(shapes, root.resolve("resumed"), "--epochs", "2", "--checkpoints",
                checkpoints.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming after epoch 1"), resumed.out());
        assertArrayEquals(ModelBundle.load(root.resolve("straight")).parameters(),
                ModelBundle.load(root.resolve("resumed")).parameters(), "same split, same batches, same result");
    }

    @Test
    void evalHeldOutQueriesWithTheImagesTheRunHeldOutAndRefusesAFolderThatChanged() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path model = root.resolve("model");
        assertEquals(0, train(shapes, model).code());
        var recorded = ModelBundle.load(model).spec().training().heldOut();
        assertEquals(8, recorded.images());
        assertEquals(0.1, recorded.fraction(), 1e-9);

        Path json = root.resolve("held-out.json");
        CliFixtures.Run eval = CliFixtures.run("eval", "--model", model.toString(), "--dataset", shapes.toString(),
                "--held-out", "--queries", "catalogue,rotation", "--json", json.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("8 held-out images (catalogue queries) against all 40"), eval.out());
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(8, report.get("held_out_queries").asInt());
        int queries = 0;
        for (var c : report.get("runs").get(0).get("per_class")) {
            queries += c.get("queries").asInt();
            assertEquals(2, c.get("queries").asInt(), "2 of each category's 10 held out: " + c);
        }
        assertEquals(8, queries);

        // An image added to a category changes the split (the same count held out, other images): refused rather
        // than measured on images the model saw.
        Files.copy(shapes.resolve("circle/0.png"), shapes.resolve("circle/extra.png"));
        CliFixtures.assertBad(CliFixtures.run("eval", "--model", model.toString(), "--dataset", shapes.toString(),
                "--held-out"), "the folder has changed since");

        Path everything = root.resolve("everything");
        assertEquals(0, train(CliFixtures.shapes(root.resolve("shapes2")), everything, "--held-out", "0").code());
        assertEquals(null, ModelBundle.load(everything).spec().training().heldOut());
        CliFixtures.assertBad(CliFixtures.run("eval", "--model", everything.toString(), "--dataset",
                shapes.toString(), "--held-out"), "records no held-out images");
    }

    @Test
    void theDefaultEpochsGrowAsTheDataShrinks() {
        assertEquals(20, TrainCommand.defaultEpochs(55_000), "Fashion-MNIST's fit split keeps its 20");
        assertEquals(50, TrainCommand.defaultEpochs(2_000));
        assertEquals(200, TrainCommand.defaultEpochs(360), "a few hundred images: the most");
        assertEquals(20, TrainCommand.defaultEpochs(1_000_000), "never fewer than 20");
    }

    @Test
    void aFolderWithOneCategoryIsRefusedNamingIt() throws IOException {
        Path one = root.resolve("one");
        for (int i = 0; i < 3; i++) {
            png(one.resolve("shirt").resolve(i + ".png"), 28, 28, BufferedImage.TYPE_INT_RGB);
        }
        CliFixtures.Run run = train(one, root.resolve("model"));
        CliFixtures.assertBad(run, one.toString());
        CliFixtures.assertBad(run, "1 category to train on [shirt]");
        assertFalse(Files.exists(root.resolve("model")), "no bundle");
    }

    @Test
    void anEmptyCategoryIsRefusedNamingIt() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Files.createDirectories(shapes.resolve("hats"));
        CliFixtures.assertBad(train(shapes, root.resolve("model")), shapes.resolve("hats") + ": empty category folder");
    }

    @Test
    void unreadableImagesAreListedAndCountedAndTheRestTrains() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Files.writeString(shapes.resolve("circle").resolve("broken.png"), "not a png");
        Files.write(shapes.resolve("square").resolve("empty.jpg"), new byte[0]);
        CliFixtures.Run run = train(shapes, root.resolve("model"), "--held-out", "0");
        assertEquals(0, run.code(), run.err());
        List<String> skipped = run.outLines().stream().filter(l -> l.startsWith("skipped")).toList();
        assertEquals(3, skipped.size(), run.out());
        assertTrue(skipped.get(0).contains("broken.png") && skipped.get(1).contains("empty.jpg"), skipped.toString());
        assertTrue(skipped.get(2).contains("skipped 2 of 42 images"), skipped.get(2));
    }

    @Test
    void aFolderWhereNothingCanBeReadIsRefused() throws IOException {
        Path junk = root.resolve("junk");
        for (String category : new String[] {"a", "b"}) {
            Files.createDirectories(junk.resolve(category));
            Files.writeString(junk.resolve(category).resolve("1.png"), "not a png");
        }
        CliFixtures.Run run = train(junk, root.resolve("model"), "--held-out", "0");
        CliFixtures.assertBad(run, junk.toString());
        CliFixtures.assertBad(run, "none of 2 images sampled could be read");
    }

    @Test
    void imagesOfMixedColourModelsAndSizesTrainTogether() throws IOException {
        Path mixed = root.resolve("mixed");
        int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_GRAY};
        for (String category : new String[] {"wide", "tall"}) {
            for (int t = 0; t < types.length; t++) {
                int w = category.equals("wide") ? 60 + 10 * t : 20 + t;
                int h = category.equals("wide") ? 20 + t : 70 + 10 * t;
                png(mixed.resolve(category).resolve(t + ".png"), w, h, types[t]);
            }
            BufferedImage photo = draw(33, 48, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(photo, "jpg", mixed.resolve(category).resolve("photo.jpg").toFile());
        }
        CliFixtures.Run run = train(mixed, root.resolve("model"), "--batch-size", "4");
        assertEquals(0, run.code(), run.err());
        assertFalse(run.out().contains("skipped"), run.out());
        assertTrue(run.out().contains("training on 8 images of 2 classes"), run.out());
    }

    @Test
    void anOutFolderHoldingSomethingElseIsRefusedBeforeTrainingAndLeftAlone() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path out = Files.createDirectories(root.resolve("photos"));
        Files.writeString(out.resolve("holiday.jpg"), "precious");
        CliFixtures.Run run = train(shapes, out);
        CliFixtures.assertBad(run, "--out " + out);
        CliFixtures.assertBad(run, "holiday.jpg");
        assertFalse(run.out().contains("training on"), "refused before any training: " + run.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("holiday.jpg")), files.toList());
        }
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(2, files.count(), "nothing written beside it either");
        }
    }

    @Test
    void aHeldOutFractionOutOfRangeIsRefused() {
        for (String bad : new String[] {"1", "-0.1"}) {
            CliFixtures.assertBad(train(root, root.resolve("model"), "--held-out", bad), "--held-out");
        }
    }

    private static void png(Path file, int w, int h, int type) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(draw(w, h, type), "png", file.toFile());
    }

    /** A light bar on black, across the longer side. */
    private static BufferedImage draw(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(230, 200, 120));
        if (w > h) {
            g.fillRect(2, h / 3, w - 4, Math.max(2, h / 3));
        } else {
            g.fillRect(w / 3, 2, Math.max(2, w / 3), h - 4);
        }
        g.dispose();
        return image;
    }
}
