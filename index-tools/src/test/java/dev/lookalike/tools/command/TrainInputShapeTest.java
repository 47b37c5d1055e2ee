package dev.lookalike.tools.command;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.tools.CliFixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lookalike train}'s input size and channels: given, inferred from a folder, or refused. */
class TrainInputShapeTest {

    /** Images per colour: whitening a 64-d embedding needs 128 images. */
    private static final int PER_COLOUR = 64;

    @TempDir
    Path root;

    /** Writes {@code root/<colour>/<n>.png}: 100x50 rectangles of red or blue, of one luma, on white. */
    private static Path colourFolder(Path root) throws IOException {
        Random random = new Random(3);
        Color[] colours = {new Color(200, 0, 0), new Color(0, 0, 255)};
        for (int c = 0; c < colours.length; c++) {
            Path dir = Files.createDirectories(root.resolve(c == 0 ? "red" : "blue"));
            for (int n = 0; n < PER_COLOUR; n++) {
                BufferedImage image = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 100, 50);
                g.setColor(colours[c]);
                g.fillRect(10 + random.nextInt(30), 5 + random.nextInt(10), 20 + random.nextInt(40), 20 + random.nextInt(15));
                g.dispose();
                ImageIO.write(image, "png", dir.resolve(n + ".png").toFile());
            }
        }
        return root;
    }

    private static CliFixtures.Run train(Path dataset, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", dataset.toString(), "--out", out.toString(),
                "--epochs", "1", "--batch-size", "4", "--eval-images", "0", "--stages", "4|8"));
        args.addAll(List.of(more));
        return CliFixtures.run(args.toArray(String[]::new));
    }

    @Test
    void aColourFolderTrainsAColourModelOfItsMedianSizeCappedWhichEvaluatesWhitensAndIndexes() throws IOException {
        Path colours = colourFolder(root.resolve("colours"));
        Path model = root.resolve("model");
        CliFixtures.Run run = train(colours, model);
        assertEquals(0, run.code(), run.err());
        InputSpec input = ModelBundle.load(model.toString()).spec().input();
        assertEquals(3, input.channels(), "the folder's images are in colour");
        assertEquals(64, input.width(), "100x50 shrunk to fit 64x64");
        assertEquals(32, input.height());

        CliFixtures.Run eval = CliFixtures.run("eval", "--model", model.toString(), "--dataset", colours.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains(2 * PER_COLOUR + " images"), eval.out());

        Path whitened = root.resolve("whitened");
        CliFixtures.Run whiten = CliFixtures.run("whiten", "--model", model.toString(), "--dataset", colours.toString(),
                "--out", whitened.toString());
        assertEquals(0, whiten.code(), whiten.err());
        assertEquals(input, ModelBundle.load(whitened.toString()).spec().input());

        Path catalogue = root.resolve("cat");
        assertEquals(0, CliFixtures.run("catalogue", "--dataset", colours.toString(), "--out", catalogue.toString()).code());
        CliFixtures.Run index = CliFixtures.run("index", "--catalogue",
                catalogue.resolve(CatalogueCommand.CATALOGUE_FILE).toString(), "--index", root.resolve("idx").toString(),
                "--model", whitened.toString());
        assertEquals(0, index.code(), index.err());
        assertEquals(2 * PER_COLOUR, CliFixtures.liveItems(root.resolve("idx")));
    }

    @Test
    void aGreyFolderTrainsAGreyModelAndGivenSizeChannelsAndHeadAreTaken() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        CliFixtures.Run inferred = train(shapes, root.resolve("grey"));
        assertEquals(0, inferred.code(), inferred.err());
        InputSpec grey = ModelBundle.load(root.resolve("grey").toString()).spec().input();
        assertEquals(List.of(28, 28, 1), List.of(grey.width(), grey.height(), grey.channels()));

        CliFixtures.Run given = train(shapes, root.resolve("given"), "--input-size", "40x24", "--channels", "3",
                "--head", "global-average");
        assertEquals(0, given.code(), given.err());
        ModelBundle bundle = ModelBundle.load(root.resolve("given").toString());
        assertEquals(List.of(40, 24, 3), List.of(bundle.spec().input().width(), bundle.spec().input().height(),
                bundle.spec().input().channels()));
        assertEquals(NetworkSpec.GLOBAL_AVERAGE_HEAD, bundle.spec().network().head());
    }

    @Test
    void badSizesChannelsAndHeadsAreNamed() {
        String out = root.resolve("never").toString();
        for (String size : new String[] {"0x0", "28x", "-4x28", "2000x20", "big"}) {
            CliFixtures.assertBad(CliFixtures.run("train", "--input-size", size, "--out", out), "--input-size");
        }
        CliFixtures.assertBad(CliFixtures.run("train", "--channels", "2", "--out", out), "--channels: expected 1 (grey) or 3");
        CliFixtures.assertBad(CliFixtures.run("train", "--head", "max", "--out", out), "--head");
    }

    @Test
    void aStartingBundleOfAnotherInputIsRefused() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path grey = CliFixtures.tinyBundle(root.resolve("tiny"));
        CliFixtures.assertBad(train(shapes, root.resolve("never"), "--init", grey.toString(), "--channels", "3"),
                "must match the --init bundle's input (28x28, 1 channel(s))");
    }
}
