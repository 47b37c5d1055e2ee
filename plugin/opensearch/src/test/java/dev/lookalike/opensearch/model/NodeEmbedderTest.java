package dev.lookalike.opensearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.ModelBundle;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class NodeEmbedderTest {

    /** Shared by the module's tests and kept between runs, so that libtorch is unpacked once. */
    private static final Path CACHE = Path.of("target", "djl-cache").toAbsolutePath();

    private static byte[] sneakerLikePng() throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 40);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(5, 20, 50, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void loadsNothingUntilFirstUse() {
        Path cache = CACHE.resolveSibling("never-created");
        NodeEmbedder node = new NodeEmbedder("fashion", cache, 1, ImageLimits.DEFAULT);
        assertFalse(Files.exists(cache), "no cache folder before the first request");
        node.close();
    }

    @Test
    void embedsAsTheAnalyzerDoesAndSharesOneModel() throws Exception {
        byte[] png = sneakerLikePng();
        try (NodeEmbedder node = new NodeEmbedder("fashion", CACHE, 2, ImageLimits.DEFAULT)) {
            EmbeddedImage embedded = node.embed(png, "[image]");
            assertTrue(Files.isDirectory(CACHE), "the configured cache folder is made");
            assertSame(node.embedder(), node.embedder(), "one model per node");
            try (Embedder reference = Embedder.open(ModelBundle.load("fashion"), EmbedderOptions.defaults())) {
                float[] expected = reference.embed(reference.decoder().decode(png, "reference"));
                assertArrayEquals(expected, embedded.vector(), 1e-5f);
                assertEquals(reference.classifier().predict(expected).name(), embedded.predicted().name());
            }
        }
    }

    @Test
    void imageOverTheLimitsIsBadInputNamedAsTheRequestNamesIt() throws Exception {
        try (NodeEmbedder node = new NodeEmbedder("fashion", CACHE, 1, new ImageLimits(100, 1_000_000))) {
            AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                    () -> node.embed(sneakerLikePng(), "[image]"));
            assertTrue(e.getMessage().startsWith("[image]: "), e.getMessage());
            assertTrue(e.getMessage().contains("exceeds the limit of 100 bytes"), e.getMessage());
        }
    }

    @Test
    void unknownModelFailsEachUseNamingTheSetting() {
        try (NodeEmbedder node = new NodeEmbedder("no-such-model", CACHE, 1, ImageLimits.DEFAULT)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, node::embedder);
                assertTrue(e.getMessage().contains("[lookalike.model] is no-such-model"), e.getMessage());
            }
        }
    }

    @Test
    void closedEmbedderRefusesWork() {
        NodeEmbedder node = new NodeEmbedder("fashion", CACHE, 1, ImageLimits.DEFAULT);
        node.close();
        assertThrows(IllegalStateException.class, node::embedder);
    }
}
