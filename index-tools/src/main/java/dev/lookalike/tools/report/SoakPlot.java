package dev.lookalike.tools.report;

import dev.lookalike.tools.bench.soak.HeapReading;
import dev.lookalike.tools.bench.soak.SoakResult;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The plot of a soak, over the minutes of its load: search latency (p50, p99 per window), write latency (the
 * same), each node's heap after GC (the old generation right after its last collection, the figure the soak
 * judges) and each node's heap in use when sampled (garbage included), each on its own scale.
 */
public final class SoakPlot {

    private SoakPlot() {
    }

    /**
     * @param r    the soak's result
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void write(SoakResult r, Path file) throws IOException {
        List<SoakResult.Window> windows = r.windows();
        double[] minutes = windows.stream().mapToDouble(w -> w.seconds() / 60).toArray();
        List<TimeSeriesPlot.Panel> panels = new ArrayList<>();
        panels.add(new TimeSeriesPlot.Panel("search latency, ms (image, vector and like; per window)", List.of(
                series("p50", new Color(0x1f77b4), false, minutes, windows, SoakResult.Window::searchP50Ms),
                series("p99", new Color(0xd62728), false, minutes, windows, SoakResult.Window::searchP99Ms))));
        panels.add(new TimeSeriesPlot.Panel("write latency, ms (ingest bulks, updates, deletes; per window)", List.of(
                series("p50", new Color(0x1f77b4), false, minutes, windows, SoakResult.Window::writeP50Ms),
                series("p99", new Color(0xd62728), false, minutes, windows, SoakResult.Window::writeP99Ms))));
        Set<String> nodes = new LinkedHashSet<>();
        windows.forEach(w -> w.heap().forEach(h -> nodes.add(h.node())));
        Color[] palette = {new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};
        List<TimeSeriesPlot.Series> afterGc = new ArrayList<>();
        List<TimeSeriesPlot.Series> used = new ArrayList<>();
        int i = 0;
        for (String node : nodes) {
            Color c = palette[i++ % palette.length];
            afterGc.add(new TimeSeriesPlot.Series(node, c, false, minutes,
                    heapOf(windows, node, HeapReading::oldAfterGcMb)));
            used.add(new TimeSeriesPlot.Series(node, c, true, minutes, heapOf(windows, node, HeapReading::heapUsedMb)));
        }
        panels.add(new TimeSeriesPlot.Panel("heap after GC, MB: the old generation right after its last collection"
                + " (judged over the last 80 %)", afterGc));
        panels.add(new TimeSeriesPlot.Panel("heap in use when sampled, MB (garbage included)", used));
        SoakResult.Settings s = r.settings();
        TimeSeriesPlot.write(String.format(Locale.ROOT, "lookalike bench soak: %d node(s), %d client threads, "
                + "%.0f s, %s", s.nodes(), s.threads(), s.seconds(), r.passed() ? "every goal met" : "a goal failed"),
                "minutes since the start of the load", panels, file);
    }

    private static TimeSeriesPlot.Series series(String name, Color color, boolean dashed, double[] x,
            List<SoakResult.Window> windows, Function<SoakResult.Window, Double> value) {
        double[] y = windows.stream().mapToDouble(w -> value.apply(w) == null ? Double.NaN : value.apply(w)).toArray();
        return new TimeSeriesPlot.Series(name, color, dashed, x, y);
    }

    private static double[] heapOf(List<SoakResult.Window> windows, String node, ToDoubleFunction<HeapReading> value) {
        return windows.stream().mapToDouble(w -> w.heap().stream().filter(h -> h.node().equals(node))
                .mapToDouble(value).findFirst().orElse(Double.NaN)).toArray();
    }
}
