package dev.lookalike.tools.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.tools.CliFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lookalike eval --queries}: distorted queries of several kinds in one run, and unknown kinds refused. */
class EvalCommandTest {

    @TempDir
    Path root;

    @Test
    void anUnknownQueryKindIsNamedWithTheKindsThereAre() {
        CliFixtures.Run run = CliFixtures.run("eval", "--queries", "rotation,sepia");
        CliFixtures.assertBad(run, "--queries: unknown kind \"sepia\"");
        for (String kind : new String[] {"catalogue", "photos", "rotation", "jpeg", "scale-shift", "blur",
            "brightness-contrast", "background", "all"}) {
            assertTrue(run.err().contains(kind), "lists " + kind + ": " + run.err());
        }
    }

    @Test
    void severalKindsAreMeasuredAgainstOneGalleryWithARowEach() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path model = CliFixtures.tinyBundle(root.resolve("model"));
        Path json = root.resolve("eval.json");
        CliFixtures.Run run = CliFixtures.run("eval", "--model", model.toString(), "--dataset", shapes.toString(),
                "--queries", "catalogue,rotation", "--queries", "background", "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("recall@1 - catalogue"), run.out());
        for (String kind : new String[] {"catalogue", "rotation", "background"}) {
            assertTrue(run.out().contains(CliFixtures.ITEMS + " images, " + kind + " queries"), run.out());
        }

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(7, report.get("query_seed").asLong());
        JsonNode runs = report.get("runs");
        assertEquals(3, runs.size());
        assertEquals("catalogue", runs.get(0).get("queries").asText());
        assertFalse(runs.get(0).get("metrics").get("nmi").isNull(), "NMI of the catalogue's own clustering");
        assertEquals("background", runs.get(2).get("queries").asText());
        assertTrue(runs.get(2).get("metrics").get("nmi").isNull(), "no NMI for distorted queries");

        // The same seed makes the same photos, so the same figures.
        Path again = root.resolve("again.json");
        assertEquals(0, CliFixtures.run("eval", "--model", model.toString(), "--dataset", shapes.toString(),
                "--queries", "catalogue,rotation,background", "--json", again.toString()).code());
        assertEquals(runs, new ObjectMapper().readTree(again.toFile()).get("runs"));
        assertTrue(Files.size(json) > 0);

        // Without the clustering, the same retrieval figures and no NMI.
        Path noNmi = root.resolve("no-nmi.json");
        assertEquals(0, CliFixtures.run("eval", "--model", model.toString(), "--dataset", shapes.toString(),
                "--queries", "catalogue,rotation,background", "--no-nmi", "--json", noNmi.toString()).code());
        JsonNode clean = new ObjectMapper().readTree(noNmi.toFile()).get("runs").get(0).get("metrics");
        assertTrue(clean.get("nmi").isNull(), "--no-nmi: " + clean);
        assertEquals(runs.get(0).get("metrics").get("recall@1"), clean.get("recall@1"));
        assertEquals(runs.get(0).get("metrics").get("map@r"), clean.get("map@r"));
    }

    @Test
    void rawPixelsAreReadInColourForAColourCatalogueAndItsPhotosKeepTheirColours() throws IOException {
        Path grey = CliFixtures.shapes(root.resolve("shapes"));
        Path colour = root.resolve("colour-shapes");
        // The same shapes, each class in its own colour on white: only colour and shape tell them apart.
        int[] colours = {0xc81e1e, 0x1e8c1e, 0x1e1ec8, 0xc8a01e};
        for (int k = 0; k < CliFixtures.SHAPES.size(); k++) {
            String shape = CliFixtures.SHAPES.get(k);
            Path dir = Files.createDirectories(colour.resolve(shape));
            try (var files = Files.list(grey.resolve(shape))) {
                for (Path file : files.toList()) {
                    java.awt.image.BufferedImage in = javax.imageio.ImageIO.read(file.toFile());
                    java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(in.getWidth(), in.getHeight(),
                            java.awt.image.BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < in.getHeight(); y++) {
                        for (int x = 0; x < in.getWidth(); x++) {
                            out.setRGB(x, y, (in.getRGB(x, y) & 0xff) > 128 ? colours[k] : 0xffffff);
                        }
                    }
                    javax.imageio.ImageIO.write(out, "png", dir.resolve(file.getFileName()).toFile());
                }
            }
        }
        CliFixtures.Run greyRun = CliFixtures.run("eval", "--baseline", "pixels", "--dataset", grey.toString());
        assertEquals(0, greyRun.code(), greyRun.err());
        assertTrue(greyRun.out().contains("pixels (raw, 784-d)"), greyRun.out());

        Path json = root.resolve("colour.json");
        CliFixtures.Run colourRun = CliFixtures.run("eval", "--baseline", "pixels", "--dataset", colour.toString(),
                "--queries", "catalogue,background,photos", "--json", json.toString());
        assertEquals(0, colourRun.code(), colourRun.err());
        assertTrue(colourRun.out().contains("pixels (raw, 2352-d)"), colourRun.out());
        // Colour alone names the class: raw colour pixels find it for the catalogue and for photos on white, which
        // keep the product's colours (a tinted, inverted red product would be nearer no class at all).
        JsonNode runs = new ObjectMapper().readTree(json.toFile()).get("runs");
        assertEquals("photos", runs.get(2).get("queries").asText());
        assertTrue(runs.get(0).get("metrics").get("recall@1").asDouble() > 0.9, runs.get(0).toString());
        assertTrue(runs.get(2).get("metrics").get("recall@1").asDouble() > 0.9, runs.get(2).toString());
    }
}
