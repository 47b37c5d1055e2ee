package dev.lookalike.analyzer.model;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.preprocess.InputSpec;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingNetworkTest {

    private static final InputSpec GREY = InputSpec.fashionMnist();
    private static final InputSpec COLOUR = GREY.resized(28, 28, 3);

    private static ModelBundle withInput(ModelBundle trained, String name, InputSpec input) {
        ModelSpec spec = TinyBundles.spec(name, trained.spec().network(), input);
        return ModelBundle.of(spec, trained.parameters(), trained.proxies());
    }

    private static AnalyzerInputException openFails(ModelBundle bundle) {
        return assertThrows(AnalyzerInputException.class, () -> Embedder.open(bundle, EmbedderOptions.defaults()).close());
    }

    private static BufferedImage shirt(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(colour);
        g.fillRect(width / 4, height / 5, width / 2, height * 3 / 5);
        g.dispose();
        return image;
    }

    @Test
    void colourParametersLoadedWithAGreySpecAreRefusedNamingModelParameterAndChannels() {
        AnalyzerInputException e = openFails(withInput(TinyBundles.tiny("colour", TinyBundles.TINY, COLOUR),
                "colour-as-grey", GREY));
        String m = e.getMessage();
        assertTrue(m.contains("colour-as-grey"), m);
        assertTrue(m.contains("Conv2d_weight"), "names the first parameter that differs: " + m);
        assertTrue(m.contains("trained on 3 channels (colour) input") && m.contains("has 1 channel (grey)"), m);
    }

    @Test
    void greyParametersLoadedWithAColourSpecAreRefusedNamingModelParameterAndChannels() {
        AnalyzerInputException e = openFails(withInput(TinyBundles.tiny(), "grey-as-colour", COLOUR));
        String m = e.getMessage();
        assertTrue(m.contains("grey-as-colour"), m);
        assertTrue(m.contains("Conv2d_weight"), m);
        assertTrue(m.contains("trained on 1 channel (grey) input") && m.contains("has 3 channels (colour)"), m);
    }

    @Test
    void aColourModelOfNonSquareInputEmbedsPhotosAndTellsColoursApart() {
        InputSpec wide = GREY.resized(36, 20, 3);
        ModelBundle bundle = TinyBundles.tiny("wide", TinyBundles.TINY, wide);
        try (Embedder embedder = Embedder.open(bundle, EmbedderOptions.defaults())) {
            float[] red = embedder.embed(shirt(90, 50, Color.RED));
            float[] blue = embedder.embed(shirt(90, 50, Color.BLUE));
            assertEquals(TinyBundles.TINY.embeddingSize(), red.length);
            assertEquals(1.0, VectorMath.dot(red, red), 1e-5);
            assertTrue(VectorMath.dot(red, blue) < 1 - 1e-4, "a colour model sees a red and a blue shirt differently");
        }
    }

    @Test
    void aGlobalAverageHeadHasTheSameParametersAtAnyInputSize() {
        NetworkSpec averaged = TinyBundles.TINY.withHead(NetworkSpec.GLOBAL_AVERAGE_HEAD);
        ModelBundle small = TinyBundles.tiny("small", averaged, GREY.resized(16, 16, 3));
        ModelBundle large = withInput(small, "large", GREY.resized(96, 64, 3));
        try (Embedder embedder = Embedder.open(large, EmbedderOptions.defaults())) {
            assertEquals(averaged.embeddingSize(), embedder.embed(shirt(200, 120, Color.GREEN)).length);
        }
        assertTrue(TinyBundles.randomParameters(averaged, GREY.resized(96, 64, 3)).length
                < TinyBundles.randomParameters(TinyBundles.TINY, GREY.resized(96, 64, 3)).length / 4,
                "the averaged head's projection does not grow with the input's area");
    }

    @Test
    void aFlattenHeadTrainedAtOneSizeIsRefusedAtAnother() {
        ModelBundle small = TinyBundles.tiny("small", TinyBundles.TINY, GREY.resized(16, 16, 1));
        AnalyzerInputException e = openFails(withInput(small, "flatten-resized", GREY.resized(32, 16, 1)));
        assertTrue(e.getMessage().contains("flatten-resized") && e.getMessage().contains("Linear"), e.getMessage());
    }

    @Test
    void aSpecWithoutHeadMeansFlattenAndAnUnknownHeadIsRefused() {
        assertEquals(NetworkSpec.FLATTEN_HEAD, new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4)), 8, 0f, null).head());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TinyBundles.TINY.withHead("max"));
        assertTrue(e.getMessage().contains("\"head\"") && e.getMessage().contains("max"), e.getMessage());
    }
}
