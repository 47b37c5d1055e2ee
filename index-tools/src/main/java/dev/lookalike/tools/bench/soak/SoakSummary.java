package dev.lookalike.tools.bench.soak;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The summary a soak prints: its settings, a table of the operations (requests, documents, rate, latency,
 * failures, 429s), each node's heap after GC and its trend, the first failures and problems found, each goal met
 * or not, and the verdict.
 */
public final class SoakSummary {

    private SoakSummary() {
    }

    /**
     * @param out where to print
     * @param r   the soak's result
     */
    public static void print(PrintWriter out, SoakResult r) {
        SoakResult.Settings s = r.settings();
        out.printf(Locale.ROOT, "Soak: %.1f s on %d node(s) (%s), %d client threads, %d cores here; index of %d "
                + "shard(s) x %d replica(s), up to %,d documents%n", s.seconds(), s.nodes(), s.model(), s.threads(),
                s.cores(), s.shards(), s.replicas(), s.documents());
        out.printf(Locale.ROOT, "%-18s %9s %9s %8s %9s %9s %9s %8s %6s%n", "operation", "requests", "documents",
                "per s", "p50 ms", "p99 ms", "max ms", "failures", "429s");
        for (SoakResult.OperationFigures o : r.operations()) {
            out.printf(Locale.ROOT, "%-18s %,9d %,9d %8.1f %9s %9s %9s %8d %6d%n", o.operation(), o.requests(),
                    o.documents(), o.perSecond(), ms(o.p50Ms()), ms(o.p99Ms()), ms(o.maxMs()), o.failures(),
                    o.retried429());
        }
        for (SoakResult.HeapTrend h : r.heap()) {
            out.printf(Locale.ROOT, "heap after GC, %s: %.0f MB at the start, %.0f MB at the end; from %.0f s %s%n",
                    h.node(), h.startMb(), h.endMb(), h.fromSeconds(), h.verdict());
        }
        r.failureMessages().forEach(m -> out.println("failure: " + m));
        r.verification().problems().forEach(p -> out.println("check: " + p));
        for (SoakResult.Goal g : r.goals()) {
            out.printf(Locale.ROOT, "%-4s %s: %s%n", g.met() ? "ok" : "FAIL", g.goal(), g.detail());
        }
        out.println(r.passed() ? "verdict: every goal met" : "verdict: a goal was not met");
        out.flush();
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, value < 10 ? "%.1f" : "%.0f", value);
    }

}
