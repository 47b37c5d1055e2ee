package dev.lookalike.tools.bench.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges each node's heap after GC over the last 80 % of a soak. The points are the windows at whose end the
 * old generation had been collected since the window before ({@link HeapReading#oldCollections()} grew), each
 * with the old generation's occupancy right after that collection; a least-squares line through them gives the
 * trend ({@link TrendFit}). The trend is flat when its rise over the span is within two standard deviations of the
 * points around the line (the growth cannot be told from the noise), or when the slope is within two standard
 * errors of zero, the standard error corrected for the points' autocorrelation. Fewer than three points cannot be
 * judged, and do not count as flat.
 */
final class HeapTrends {

    /** The share of the run at the start left out of the fit: start-up and the first fill of the caches. */
    static final double LEFT_OUT = 0.2;

    private HeapTrends() {
    }

    /**
     * @param windows the soak's windows
     * @return one trend per node, in the order the nodes first appear
     */
    static List<SoakResult.HeapTrend> of(List<SoakResult.Window> windows) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (SoakResult.Window w : windows) {
            for (HeapReading r : w.heap()) {
                series.computeIfAbsent(r.node(), k -> new ArrayList<>())
                        .add(new double[] {w.seconds(), r.oldAfterGcMb(), r.oldCollections()});
            }
        }
        double end = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).seconds();
        List<SoakResult.HeapTrend> out = new ArrayList<>();
        series.forEach((node, points) -> out.add(trend(node, points, end * LEFT_OUT)));
        return out;
    }

    private static SoakResult.HeapTrend trend(String node, List<double[]> points, double from) {
        List<double[]> fitted = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i)[0] >= from && points.get(i)[2] > points.get(i - 1)[2]) {
                fitted.add(points.get(i));
            }
        }
        double start = points.get(0)[1];
        double end = points.get(points.size() - 1)[1];
        if (fitted.size() < 3) {
            return new SoakResult.HeapTrend(node, start, end, from, fitted.size(), null, null, null, null, null,
                    null, null, false, "cannot judge: " + fitted.size() + " old-generation collections after " + Math.round(from)
                            + " s, 3 needed");
        }
        double[] minutes = new double[fitted.size()];
        double[] mb = new double[fitted.size()];
        for (int i = 0; i < fitted.size(); i++) {
            minutes[i] = fitted.get(i)[0] / 60;
            mb[i] = fitted.get(i)[1];
        }
        TrendFit fit = TrendFit.of(minutes, mb);
        double rise = fit.slope() * (minutes[minutes.length - 1] - minutes[0]);
        boolean withinNoise = rise <= 2 * fit.residualSd();
        boolean notSignificant = fit.slope() <= 2 * fit.slopeStandardError();
        boolean flat = withinNoise || notSignificant;
        String verdict = String.format(Locale.ROOT, "%s: %+.2f ± %.2f MB/min over %d collections (worth %.0f"
                + " independent ones), rise %+.1f MB against a noise of %.1f MB; median slope %+.2f MB/min",
                flat ? "flat" : "rising", fit.slope(), fit.slopeStandardError(), fit.points(), fit.effectivePoints(),
                rise, fit.residualSd(), fit.medianSlope());
        return new SoakResult.HeapTrend(node, start, end, from, fitted.size(), fit.slope(), fit.slopeStandardError(),
                fit.independentSlopeStandardError(), fit.effectivePoints(), fit.medianSlope(), fit.residualSd(), rise,
                flat, verdict);
    }
}
