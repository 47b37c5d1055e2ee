package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.model.BatchEmbedding;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/** Lists the inputs a batch skipped, and gives the exit code that says whether there were any. */
public final class SkipReport {

    private static final int SHOWN = 20;

    private SkipReport() {
    }

    /**
     * @param skipped the skipped inputs
     * @param err     where to list them
     * @return 0 when nothing was skipped, else 1
     */
    public static int print(List<BatchEmbedding.Skipped> skipped, PrintStream err) {
        PrintWriter writer = new PrintWriter(err, true);
        int code = print(skipped, writer);
        writer.flush();
        return code;
    }

    /**
     * @param skipped the skipped inputs
     * @param err     where to list them
     * @return 0 when nothing was skipped, else 1
     */
    public static int print(List<BatchEmbedding.Skipped> skipped, PrintWriter err) {
        if (skipped.isEmpty()) {
            return 0;
        }
        err.printf("skipped %d input(s):%n", skipped.size());
        skipped.stream().limit(SHOWN).forEach(s -> err.println("  " + s.reason()));
        if (skipped.size() > SHOWN) {
            err.printf("  ... and %d more%n", skipped.size() - SHOWN);
        }
        return 1;
    }
}
