package dev.lookalike.tools.command;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.CliFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lookalike whiten}: a new bundle from a folder of the model's classes, and its refusals. */
class WhitenCommandTest {

    @TempDir
    Path root;

    private Path model() throws IOException {
        return CliFixtures.tinyBundle(root.resolve("model"));
    }

    @Test
    void writesAWhitenedBundleThatCannotBeWhitenedAgain() throws IOException {
        Path model = model();
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path out = root.resolve("white");
        CliFixtures.Run run = CliFixtures.run("whiten", "--model", model.toString(), "--dataset", shapes.toString(),
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("model tiny whitened on " + CliFixtures.ITEMS + " images"), run.out());

        ModelBundle whitened = ModelBundle.load(out);
        assertEquals(CliFixtures.ITEMS, whitened.spec().whitening().images());
        assertEquals(0.001f, whitened.spec().whitening().shrinkage());
        assertNotEquals(ModelBundle.load(model).spec().parameters().sha256(), whitened.spec().parameters().sha256());

        CliFixtures.assertBad(CliFixtures.run("whiten", "--model", out.toString(), "--dataset", shapes.toString(),
                "--out", root.resolve("again").toString()), "already whitened");
        assertTrue(Files.notExists(root.resolve("again")), "nothing written");
    }

    @Test
    void anOutFolderHoldingABundleIsRefusedAndLeftAsItWas() throws IOException {
        Path model = model();
        byte[] before = Files.readAllBytes(model.resolve("model.params"));
        CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model.toString(), "--dataset",
                CliFixtures.shapes(root.resolve("shapes")).toString(), "--out", model.toString()),
                "--out " + model + " already holds a model bundle");
        assertArrayEquals(before, Files.readAllBytes(model.resolve("model.params")));
    }

    @Test
    void anOutFolderHoldingOtherFilesIsRefusedBeforeAnyWorkAndKept() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("photos"));
        Files.writeString(elsewhere.resolve("notes.txt"), "mine");
        CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model().toString(), "--dataset",
                CliFixtures.shapes(root.resolve("shapes")).toString(), "--out", elsewhere.toString()),
                "holds notes.txt, which is not part of a model bundle");
        assertEquals("mine", Files.readString(elsewhere.resolve("notes.txt")));
        try (var left = Files.list(elsewhere)) {
            assertEquals(1, left.count(), "nothing written beside it");
        }
    }

    @Test
    void shrinkageOutOfRangeIsNamed() throws IOException {
        for (String bad : new String[] {"0", "-1", "2", "NaN"}) {
            CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model().toString(), "--shrinkage", bad,
                    "--out", root.resolve("w").toString()), "--shrinkage: ");
        }
    }

    @Test
    void aFolderLackingOneOfTheModelsClassesIsNamed() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        try (var files = Files.list(shapes.resolve("stripe"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(shapes.resolve("stripe"));
        CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model().toString(), "--dataset", shapes.toString(),
                "--out", root.resolve("w").toString()), "\"stripe\"");
    }

    @Test
    void fashionMnistSplitsItMustNotSeeAreRefused() throws IOException {
        String model = model().toString();
        for (String split : new String[] {"test", "validation"}) {
            CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model, "--split", split,
                    "--out", root.resolve("w").toString()), "--split: expected train or fit");
        }
        CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model, "--out", root.resolve("w").toString()),
                "name one with --split train|fit");
        CliFixtures.assertBad(CliFixtures.run("whiten", "--model", model, "--dataset",
                CliFixtures.shapes(root.resolve("shapes")).toString(), "--split", "train",
                "--out", root.resolve("w").toString()), "--split is for --dataset fashion-mnist");
    }
}
