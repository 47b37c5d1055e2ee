package dev.lookalike.tools.command.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.tools.CliFixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code lookalike bench ingest}'s refusals, which come before any request; the benchmark itself runs against a real
 * node in the end-to-end tests ({@code ImageSearchTest}).
 */
class IngestBenchCommandTest {

    @Test
    void badOptionsAreRefusedNamingTheOptionBeforeAnyRequest() {
        String[][] cases = {
            {"--url", "http://127.0.0.1:1", "--images", "0"},
            {"--url", "http://127.0.0.1:1", "--bulk-size", "0"},
            {"--url", "http://127.0.0.1:1", "--batch-sizes", "16,0"},
            {"--url", "localhost:9200"},
        };
        String[] named = {"--images", "--bulk-size", "--batch-sizes", "--url"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 2];
            args[0] = "bench";
            args[1] = "ingest";
            System.arraycopy(cases[i], 0, args, 2, cases[i].length);
            CliFixtures.assertBad(CliFixtures.run(args), named[i]);
        }
    }

    @Test
    void anUnreachableNodeIsNamed() {
        CliFixtures.Run run = CliFixtures.run("bench", "ingest", "--url", "http://127.0.0.1:1", "--images", "5");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("cannot reach OpenSearch at http://127.0.0.1:1"), run.err());
    }
}
