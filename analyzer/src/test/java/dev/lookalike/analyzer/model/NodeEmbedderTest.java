package dev.lookalike.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageLimits;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void embedAllEmbedsEachImageAsAloneAndFailsOnlyTheBadOnes() throws Exception {
        byte[] png = sneakerLikePng();
        byte[] flipped = flippedPng(png);
        List<byte[]> images = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            images.add(i == 7 ? "not an image".getBytes(StandardCharsets.UTF_8) : i % 2 == 0 ? png : flipped);
            names.add("[doc " + i + "]");
        }
        try (NodeEmbedder node = new NodeEmbedder("fashion", CACHE, 2, ImageLimits.DEFAULT)) {
            List<ImageOutcome> outcomes = node.embedAll(images, names);
            assertEquals(40, outcomes.size());
            float[] alone = node.embed(png, "[alone]").vector();
            float[] flippedAlone = node.embed(flipped, "[alone]").vector();
            for (int i = 0; i < 40; i++) {
                if (i == 7) {
                    assertNull(outcomes.get(i).embedded());
                    assertTrue(outcomes.get(i).failure() instanceof AnalyzerInputException);
                    assertTrue(outcomes.get(i).failure().getMessage().startsWith("[doc 7]"),
                            outcomes.get(i).failure().getMessage());
                } else {
                    assertArrayEquals(i % 2 == 0 ? alone : flippedAlone, outcomes.get(i).embedded().vector(), 1e-5f,
                            "image " + i + " of a batch spanning two forward passes");
                }
            }
        }
    }

    private static byte[] flippedPng(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage flipped = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flipped.createGraphics();
        g.drawImage(image, 0, image.getHeight(), image.getWidth(), -image.getHeight(), null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(flipped, "png", out);
        return out.toByteArray();
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
