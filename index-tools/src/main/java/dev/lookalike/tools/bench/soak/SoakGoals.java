package dev.lookalike.tools.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The soak's goals: no failure but 429s, which the client retries; every operation ran; no lost, stale or
 * resurrected document; every node's heap after GC flat over the last 80 % of the run; the p99 of searches and of
 * writes not drifting from the first fifth of the run to the last.
 */
final class SoakGoals {

    private SoakGoals() {
    }

    static List<SoakResult.Goal> judge(List<SoakResult.OperationFigures> operations, List<SoakResult.HeapTrend> heap,
            List<SoakResult.LatencyDrift> drift, SoakResult.Verification verification, long failures, long retried,
            double maxDrift) {
        List<SoakResult.Goal> goals = new ArrayList<>();
        goals.add(new SoakResult.Goal("no errors other than 429", failures == 0,
                failures + " failures, " + retried + " 429s retried"));
        List<String> idle = operations.stream().filter(o -> o.requests() == 0).map(SoakResult.OperationFigures::operation)
                .toList();
        goals.add(new SoakResult.Goal("every operation ran", idle.isEmpty(),
                idle.isEmpty() ? "all " + operations.size() + " kinds" : "none of " + idle));
        goals.add(new SoakResult.Goal("no lost or stale documents", verification.passed(), String.format(Locale.ROOT,
                "%d written: %d present as last written of %d, %d deleted, %d lost, %d stale, %d resurrected, "
                        + "%d uncertain; _count %d", verification.documentsWritten(),
                verification.expectedPresent() - verification.lost() - verification.stale(),
                verification.expectedPresent(), verification.expectedDeleted(), verification.lost(),
                verification.stale(), verification.resurrected(), verification.uncertain(), verification.count())));
        goals.add(new SoakResult.Goal("heap after GC flat", !heap.isEmpty() && heap.stream().allMatch(
                SoakResult.HeapTrend::flat), heap.stream().map(h -> h.node() + " " + h.verdict())
                .collect(Collectors.joining("; "))));
        goals.add(new SoakResult.Goal("p99 not drifting", drift.stream().allMatch(SoakResult.LatencyDrift::steady),
                drift.stream().map(d -> String.format(Locale.ROOT, "%s %s -> %s ms (x%s, at most x%.1f)", d.series(),
                        ms(d.firstP99Ms()), ms(d.lastP99Ms()), d.ratio() == null ? "-"
                                : String.format(Locale.ROOT, "%.2f", d.ratio()), maxDrift))
                        .collect(Collectors.joining("; "))));
        return goals;
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
