package dev.lookalike.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.ColourFashionMnist;
import dev.lookalike.e2e.solr.SolrNode;
import dev.lookalike.e2e.solr.SolrResponse;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk of {@code docs/own-catalogue.md} through the command line, on a small folder from the colour
 * catalogue: a training folder {@code DIR/<category>/<images>}, {@code train} with its automatic held-out split,
 * {@code eval}, {@code catalogue} and {@code index} of the folder with the trained bundle, a search, and the bundle
 * served by a Solr node. The model is a node setting in both engines ({@code lookalike.model}), so the walk starts
 * its own Solr node (the cheaper engine to start); OpenSearch resolves the same setting against its config folder
 * and is not started again here.
 */
class OwnCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 160;

    @TempDir
    Path tmp;

    @Test
    void aTeamsFolderTrainsEvaluatesIndexesAndSearches() throws Exception {
        Path shop = tmp.resolve("shop");
        ok(LookalikeCli.run("catalogue", "--dataset", "fashion-mnist", "--colours", "--limit", String.valueOf(ITEMS),
                "--layout", "folders", "--out", shop.toString()));
        List<String> categories = folders(shop);
        assertEquals(List.of("Ankle boot", "Bag", "Coat", "Dress", "Pullover", "Sandal", "Shirt", "Sneaker", "T-shirt-top",
                "Trouser"), categories, "a folder per Fashion-MNIST category, T-shirt/top without its slash");
        Path query = shop.resolve("Trouser").resolve("test-00002.png");
        BufferedImage image = ImageIO.read(query.toFile());
        assertEquals(ColourFashionMnist.DEFAULT_SIZE, image.getWidth());
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF, "on white");

        Path model = tmp.resolve("my-model");
        LookalikeCli.Result train = ok(LookalikeCli.run("train", "--dataset", shop.toString(), "--out", model.toString(),
                "--name", "shop", "--epochs", "2", "--batch-size", "40"));
        assertTrue(train.stdout().contains("held out " + heldOut(shop) + " of " + ITEMS
                + " images (10 % of each category, seed 42)"), train::toString);
        String lastEpoch = train.stdout().lines().filter(l -> l.startsWith("epoch 2:")).findFirst().orElseThrow();
        assertFalse(lastEpoch.contains("n/a"), "figures on the held-out images after each epoch: " + lastEpoch);
        JsonNode spec = JSON.readTree(model.resolve("spec.json").toFile());
        assertEquals(categories, JSON.convertValue(spec.get("classes"), List.class));
        try (Stream<Path> beside = Files.list(tmp)) {
            assertEquals(Set.of("shop", "my-model"), beside.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "nothing half-written left beside the bundle");
        }

        Path report = tmp.resolve("eval.json");
        ok(LookalikeCli.run("eval", "--model", model.toString(), "--dataset", shop.toString(), "--json", report.toString()));
        double recallAt1 = JSON.readTree(report.toFile()).get("metrics").get("recall@1").asDouble();
        assertTrue(recallAt1 > 0.3, "two epochs find the category far above chance (0.1): R@1 " + recallAt1);
        Path heldOutReport = tmp.resolve("eval-held-out.json");
        ok(LookalikeCli.run("eval", "--model", model.toString(), "--dataset", shop.toString(), "--held-out",
                "--json", heldOutReport.toString()));
        assertEquals(heldOut(shop), JSON.readTree(heldOutReport.toFile()).get("held_out_queries").asInt(),
                "the images the run held out query the whole folder");

        Path catalogue = tmp.resolve("shop-catalogue");
        ok(LookalikeCli.run("catalogue", "--dataset", shop.toString(), "--out", catalogue.toString()));
        Path index = tmp.resolve("shop-index");
        LookalikeCli.Result indexed = ok(LookalikeCli.run("index", "--catalogue",
                catalogue.resolve("catalogue.jsonl").toString(), "--model", model.toString(), "--index", index.toString()));
        assertTrue(indexed.stdout().contains(ITEMS + " items indexed"), indexed::toString);

        LookalikeCli.Result search = ok(LookalikeCli.run("search", "--index", index.toString(), "--model",
                model.toString(), "--image", query.toString(), "--k", "3", "--json"));
        JsonNode hits = JSON.readTree(search.stdout().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow())
                .get("results");
        assertEquals(3, hits.size(), search::toString);
        assertEquals("Trouser", hits.get(0).get("category").asText(), "the query's own image comes first: " + hits);
        assertTrue(hits.get(0).get("similarity").asDouble() > 0.999, hits::toString);

        servedBySolr(model, shop, query);
    }

    /**
     * The bundle in a Solr node ({@code lookalike.model}, a node setting, so the node is this test's own): the node
     * describes it, embeds a few of the folder's images through the update chain and finds the query's own image
     * first, by image.
     */
    private void servedBySolr(Path model, Path shop, Path query) throws Exception {
        try (SolrNode node = SolrNode.start(List.of(Path.of(System.getProperty("lookalike.solr.plugin"))),
                List.of(Path.of(System.getProperty("lookalike.solr.plugin.configset"))),
                Map.of("lookalike.model", model.toAbsolutePath().toString()))) {
            SolrResponse created = node.get("admin/cores", Map.of("action", "CREATE", "name", "shop",
                    "configSet", "lookalike"));
            assertEquals(200, created.status(), () -> created + "\n" + node.logTail());
            JsonNode described = node.get("shop/lookalike/model", Map.of()).body().path("model");
            assertEquals("shop", described.path("name").asText(), described::toString);
            assertEquals(folders(shop), JSON.convertValue(described.path("classes"), List.class));

            ArrayNode docs = JSON.createArrayNode();
            for (String category : List.of("Trouser", "Bag", "Sneaker")) {
                try (Stream<Path> files = Files.list(shop.resolve(category))) {
                    for (Path file : files.sorted().limit(5).toList()) {
                        docs.addObject().put("id", file.getFileName().toString()).put("category", category)
                                .put("image", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                    }
                }
            }
            SolrResponse indexed = node.post("shop/update", Map.of("commit", "true"), docs.toString());
            assertEquals(200, indexed.status(), indexed::toString);
            ObjectNode search = JSON.createObjectNode().put("query", "{!image_knn f=embedding topK=3 v=$img}")
                    .put("limit", 3).put("fields", "id,category,score");
            search.putObject("params").put("img", Base64.getEncoder().encodeToString(Files.readAllBytes(query)));
            SolrResponse found = node.post("shop/select", Map.of(), search.toString());
            assertEquals(200, found.status(), found::toString);
            assertEquals(query.getFileName().toString(), found.docs().get(0).path("id").asText(), found::toString);
        }
    }

    @Test
    void theColourCatalogueNamesEachItemsCategoryAndColour() throws Exception {
        Path out = tmp.resolve("colour");
        ok(LookalikeCli.run("catalogue", "--dataset", "fashion-mnist", "--colours", "--size", "64", "--limit", "40",
                "--out", out.toString()));
        List<String> lines = Files.readAllLines(out.resolve("catalogue.jsonl"));
        assertEquals(40, lines.size());
        Set<String> palette = ColourFashionMnist.PALETTE.stream().map(ColourFashionMnist.NamedColour::name)
                .collect(Collectors.toSet());
        Set<String> seen = new java.util.HashSet<>();
        for (String line : lines) {
            JsonNode item = JSON.readTree(line);
            String colour = item.get("colour").asText();
            assertTrue(palette.contains(colour), line);
            assertTrue(item.get("title").asText().startsWith(colour + " " + item.get("category").asText()), line);
            seen.add(colour);
            BufferedImage image = ImageIO.read(out.resolve(item.get("image").asText()).toFile());
            assertEquals(64, image.getWidth(), line);
        }
        assertTrue(seen.size() >= 6, "40 items show most of the 8 colours: " + seen);
        Path again = tmp.resolve("again");
        ok(LookalikeCli.run("catalogue", "--dataset", "fashion-mnist", "--colours", "--size", "64", "--limit", "40",
                "--out", again.toString()));
        assertEquals(lines, Files.readAllLines(again.resolve("catalogue.jsonl")), "deterministic");
    }

    private static LookalikeCli.Result ok(LookalikeCli.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    /** The documented rule: 10 % of each category, at least 2 of 4 or more, 1 of 2 or 3, none of 1. */
    private static int heldOut(Path folder) throws Exception {
        int total = 0;
        for (String category : folders(folder)) {
            try (Stream<Path> files = Files.list(folder.resolve(category))) {
                int n = (int) files.count();
                total += Math.max(n >= 4 ? 2 : n >= 2 ? 1 : 0, (int) Math.round(n * 0.1));
            }
        }
        return total;
    }

    private static List<String> folders(Path root) throws Exception {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
