package dev.lookalike.e2e.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lookalike.e2e.LookalikeCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak {@code scripts/soak} runs: {@code lookalike bench soak} for minutes against a fresh node, or a fresh
 * three-node cluster, with the plug-in installed, passing the script's options; it passes when every goal of the
 * soak is met (the command's exit code 0). Skipped unless the script sets {@code lookalike.soak.args} or
 * {@code lookalike.soak.cluster.args}: CI runs the short soak of {@code ImageSearchTest} instead.
 *
 * <p>The nodes' collector is G1 as OpenSearch configures it, but with a fixed, low initiating heap occupancy
 * ({@value #IHOP} %): the old generation is then marked and collected every few seconds under the soak's load, so
 * that its occupancy right after a collection, the heap figure the soak judges, is measured often. With
 * OpenSearch's own 30 % and a 1 GB heap, the old generation of a soak node was not collected once in a minute's
 * trial, and its after-collection figure would move a few times in ten minutes at most.
 */
class SoakTest {

    static final int IHOP = 3;
    private static final List<String> JVM_OPTIONS = List.of("-XX:-G1UseAdaptiveIHOP",
            "-XX:InitiatingHeapOccupancyPercent=" + IHOP);

    @Test
    @EnabledIfSystemProperty(named = "lookalike.soak.args", matches = ".*\\S.*")
    void soakOnOneNodeMeetsEveryGoal() throws Exception {
        try (OpenSearchNode node = OpenSearchNode.start(distribution(), List.of(), plugins(), Map.of(), JVM_OPTIONS)) {
            soak(List.of("--url", node.uri().toString()), System.getProperty("lookalike.soak.args"));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "lookalike.soak.cluster.args", matches = ".*\\S.*")
    void soakOnAThreeNodeClusterMeetsEveryGoal() throws Exception {
        try (OpenSearchCluster cluster = OpenSearchCluster.start(distribution(), plugins(), Map.of(), 3,
                JVM_OPTIONS)) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < cluster.size(); i++) {
                urls.addAll(List.of("--url", cluster.node(i).uri().toString()));
            }
            urls.addAll(List.of("--shards", "3", "--replicas", "1"));
            soak(urls, System.getProperty("lookalike.soak.cluster.args"));
        }
    }

    private static void soak(List<String> nodes, String options) throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "soak"));
        args.addAll(nodes);
        List<String> given = Arrays.asList(options.trim().split("\\s+"));
        args.addAll(given);
        int minutes = given.indexOf("--minutes");
        double planned = minutes >= 0 ? Double.parseDouble(given.get(minutes + 1)) : 10;
        LookalikeCli.BenchRun run = LookalikeCli.bench(args,
                Duration.ofMinutes(15).plusSeconds((long) (planned * 60)));
        assertNotNull(run.figures(), run.run()::toString);
        assertEquals(0, run.run().exitCode(), "a goal of the soak was not met (see its verdict above)");
    }

    private static Path distribution() {
        return Path.of(System.getProperty("lookalike.opensearch.distribution"));
    }

    private static List<Path> plugins() {
        return List.of(Path.of(System.getProperty("lookalike.opensearch.plugin")));
    }
}
