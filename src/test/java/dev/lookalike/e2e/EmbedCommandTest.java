package dev.lookalike.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookalike embed} writes vectors anyone can check with their own tools. */
class EmbedCommandTest {

    private static final Set<String> CLASSES = Set.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @TempDir
    Path tmp;

    @Test
    void tsvHoldsOneUnitVectorPerTestImageAndAgreesWithEval() throws Exception {
        Path tsv = tmp.resolve("test.tsv");
        LookalikeCli.Result r = LookalikeCli.run("embed", "--dataset", "fashion-mnist", "--split", "test",
                "--out", tsv.toString());
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = Files.readAllLines(tsv);
        assertEquals(10_001, lines.size(), "a header and 10,000 rows");
        assertTrue(lines.get(0).startsWith("index\tlabel\te0\t"));
        float[][] vectors = new float[10_000][];
        String[] labels = new String[10_000];
        for (int i = 0; i < 10_000; i++) {
            String[] cols = lines.get(i + 1).split("\t");
            assertEquals(66, cols.length, "index, label and 64 floats on row " + i);
            assertEquals(i, Integer.parseInt(cols[0]));
            assertTrue(CLASSES.contains(cols[1]), "label is a class name: " + cols[1]);
            labels[i] = cols[1];
            vectors[i] = new float[64];
            double norm = 0;
            for (int d = 0; d < 64; d++) {
                vectors[i][d] = Float.parseFloat(cols[d + 2]);
                norm += vectors[i][d] * vectors[i][d];
            }
            assertEquals(1.0, norm, 1e-3, "row " + i + " is a unit vector");
        }
        // Recall@1 recomputed here by brute force from the TSV must equal what eval reports.
        int hits = 0;
        for (int q = 0; q < vectors.length; q++) {
            int best = -1;
            float bestSim = Float.NEGATIVE_INFINITY;
            for (int g = 0; g < vectors.length; g++) {
                if (g == q) {
                    continue;
                }
                float s = 0;
                for (int d = 0; d < 64; d++) {
                    s += vectors[q][d] * vectors[g][d];
                }
                if (s > bestSim) {
                    bestSim = s;
                    best = g;
                }
            }
            hits += labels[best].equals(labels[q]) ? 1 : 0;
        }
        Path report = tmp.resolve("eval.json");
        LookalikeCli.Result eval = LookalikeCli.run("eval", "--split", "test", "--json", report.toString());
        assertEquals(0, eval.exitCode(), eval::toString);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(json.get("metrics").get("recall@1").asDouble(), hits / 10_000.0, 2e-4);
    }
}
