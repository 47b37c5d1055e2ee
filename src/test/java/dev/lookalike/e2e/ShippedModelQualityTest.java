package dev.lookalike.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped bundles, evaluated through the command line on Fashion-MNIST's test split, clearly beat the
 * raw-pixel baseline measured in the same run, and the JSON report carries every figure. The open-set bundle
 * meets the foundation issue's Recall@1 bar on unseen classes (0.94); `fashion`'s R@1 0.93 and the open
 * set's MAP@R 0.60 are not reached yet: see the quality table in docs/quality.md.
 */
class ShippedModelQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode baseline(String file, String classes) throws Exception {
        Path report = tmp.resolve(file);
        LookalikeCli.Result r = LookalikeCli.run("eval", "--baseline", "pixels", "--classes", classes,
                "--json", report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        return JSON.readTree(Files.readString(report)).get("metrics");
    }

    @TempDir
    Path tmp;

    @Test
    void fashionModelMeetsTheBarOnTheTestSplit() throws Exception {
        Path report = tmp.resolve("fashion.json");
        LookalikeCli.Result r = LookalikeCli.run("eval", "--dataset", "fashion-mnist", "--split", "test",
                "--json", report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = JSON.readTree(Files.readString(report));
        assertEquals(10_000, json.get("images").asInt());
        JsonNode m = json.get("metrics");
        for (String key : List.of("recall@1", "recall@2", "recall@4", "recall@8", "map@r", "mrr", "nmi")) {
            assertTrue(m.hasNonNull(key), "missing " + key + " in " + json);
        }
        JsonNode pixels = baseline("pixels-all.json", "all");
        assertTrue(m.get("recall@1").asDouble() >= pixels.get("recall@1").asDouble() + 0.05,
                "recall@1 " + m.get("recall@1") + " vs pixels " + pixels.get("recall@1"));
        assertTrue(m.get("map@r").asDouble() >= pixels.get("map@r").asDouble() + 0.3,
                "map@r " + m.get("map@r") + " vs pixels " + pixels.get("map@r"));
        assertTrue(m.get("nmi").asDouble() >= 0.80, "nmi " + m.get("nmi"));
        // Recall@K cannot fall as K grows; MRR lies between recall@1 and 1.
        assertTrue(m.get("recall@1").asDouble() <= m.get("recall@2").asDouble());
        assertTrue(m.get("recall@4").asDouble() <= m.get("recall@8").asDouble());
        assertTrue(m.get("mrr").asDouble() >= m.get("recall@1").asDouble());
        assertTrue(r.stdout().contains("recall@1"), r::toString);
        // Per class: every class named once, its queries adding up to the whole, its MAP@R weighing in.
        JsonNode perClass = json.get("per_class");
        assertEquals(10, perClass.size(), perClass::toString);
        int queries = 0;
        double mapAtR = 0;
        for (JsonNode c : perClass) {
            queries += c.get("queries").asInt();
            mapAtR += c.get("map@r").asDouble() * c.get("queries").asInt();
            assertTrue(r.stdout().contains(c.get("class").asText()), r::toString);
        }
        assertEquals(10_000, queries);
        assertEquals(m.get("map@r").asDouble(), mapAtR / queries, 1e-6);
    }

    @Test
    void openSetModelMeetsTheBarOnUnseenClasses() throws Exception {
        Path report = tmp.resolve("open.json");
        LookalikeCli.Result r = LookalikeCli.run("eval", "--model", "fashion-open-set", "--json", report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = JSON.readTree(Files.readString(report));
        assertEquals("[5,6,7,8,9]", json.get("classes").toString(), "evaluated on the unseen classes by default");
        assertEquals(5_000, json.get("images").asInt());
        JsonNode m = json.get("metrics");
        JsonNode pixels = baseline("pixels-unseen.json", "5-9");
        assertTrue(m.get("recall@1").asDouble() > pixels.get("recall@1").asDouble(),
                "recall@1 " + m.get("recall@1") + " vs pixels " + pixels.get("recall@1"));
        // The Recall@1 bar for classes never seen in training (its MAP@R bar, 0.60, is not reached yet).
        assertTrue(m.get("recall@1").asDouble() >= 0.94, "recall@1 " + m.get("recall@1"));
    }

    @Test
    void theShippedOpenSetModelIsNotWhitenedTwice() throws Exception {
        Path out = tmp.resolve("twice");
        LookalikeCli.Result r = LookalikeCli.run("whiten", "--model", "fashion-open-set", "--out", out.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("already whitened (fitted on fashion-mnist train"), r::toString);
        assertTrue(Files.notExists(out), "nothing written");
    }

    @Test
    void photoQueriesOfOneClassFindTheirCatalogueClassAndReportNoNmi() throws Exception {
        Path report = tmp.resolve("photos.json");
        LookalikeCli.Result r = LookalikeCli.run("eval", "--classes", "7,9", "--queries", "photos",
                "--json", report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = JSON.readTree(Files.readString(report));
        assertEquals("photos", json.get("queries").asText());
        assertEquals(2_000, json.get("images").asInt());
        JsonNode m = json.get("metrics");
        assertTrue(m.get("nmi").isNull(), "NMI does not apply to photo queries: " + m);
        // Sneakers and ankle boots photographed on white must still find their own kind among the catalogue's.
        assertTrue(m.get("recall@1").asDouble() >= 0.9, "recall@1 " + m.get("recall@1"));
    }

    /**
     * The colour catalogue's test items, foldered by category and colour: the shipped colour model finds an item of
     * the same category and colour first, which the grey model, blind to colour, does little better than chance at.
     */
    @Test
    void theColourModelTellsColoursApartWhereTheGreyOneCannot() throws Exception {
        Path shop = tmp.resolve("colour-shop");
        LookalikeCli.Result made = LookalikeCli.run("catalogue", "--dataset", "fashion-mnist", "--split", "test",
                "--colours", "--limit", "2000", "--layout", "folders", "--label", "category+colour", "--out",
                shop.toString());
        assertEquals(0, made.exitCode(), made::toString);
        double colour = recallAt1("fashion-colour", shop);
        double grey = recallAt1("fashion", shop);
        assertTrue(colour >= 0.7, "colour model, same category and colour: R@1 " + colour);
        assertTrue(grey <= 0.3, "grey model, same category and colour: R@1 " + grey);
    }

    /**
     * The tops (T-shirts, pullovers, coats, shirts: the classes that are hardest to tell apart) photographed with every
     * distortion at once: the bundle trained on simulated photos finds their category first clearly more often than
     * `fashion` (measured: R@1 0.754 against 0.668), while on clean queries it stays within a point and a half.
     */
    @Test
    void thePhotoTrainedBundleFindsDistortedPhotosWhereFashionLosesThem() throws Exception {
        double[] fashion = cleanAndAllAtOnce("fashion");
        double[] photos = cleanAndAllAtOnce("fashion-photos");
        assertTrue(photos[1] >= fashion[1] + 0.04, "all at once, R@1: fashion-photos " + photos[1] + " vs fashion "
                + fashion[1]);
        assertTrue(photos[0] >= fashion[0] - 0.015, "clean, R@1: fashion-photos " + photos[0] + " vs fashion "
                + fashion[0]);
    }

    private double[] cleanAndAllAtOnce(String model) throws Exception {
        Path report = tmp.resolve(model + "-tops.json");
        LookalikeCli.Result r = LookalikeCli.run("eval", "--model", model, "--classes", "0,2,4,6", "--queries",
                "catalogue,all", "--json", report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode runs = JSON.readTree(Files.readString(report)).get("runs");
        assertEquals("catalogue", runs.get(0).get("queries").asText());
        assertEquals("all", runs.get(1).get("queries").asText());
        return new double[] {runs.get(0).get("metrics").get("recall@1").asDouble(),
                runs.get(1).get("metrics").get("recall@1").asDouble()};
    }

    private double recallAt1(String model, Path dataset) throws Exception {
        Path report = tmp.resolve(model + "-colours.json");
        LookalikeCli.Result r = LookalikeCli.run("eval", "--model", model, "--dataset", dataset.toString(), "--json",
                report.toString());
        assertEquals(0, r.exitCode(), r::toString);
        return JSON.readTree(Files.readString(report)).get("metrics").get("recall@1").asDouble();
    }
}
