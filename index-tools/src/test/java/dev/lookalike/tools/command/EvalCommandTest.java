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
    }
}
