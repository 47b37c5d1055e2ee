package dev.lookalike.tools.bench.search;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the candidate sweep of {@code bench search} as a PNG: recall@k (up) against p50 latency (across), one line
 * per kind of query (bare Lucene, Lookalike), each point labelled with its candidate count, and the 0.98 recall
 * line the search aims at. Java2D only; costs nothing beside the run.
 */
public final class RecallLatencyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int MARGIN = 70;
    private static final double RECALL_GOAL = 0.98;
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private RecallLatencyPlot() {
    }

    /**
     * @param file    the PNG to write (its folder is created)
     * @param points  the sweep's points
     * @param k       results per query
     * @param vectors the corpus size
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<SearchBenchResult.SweepPoint> points, int k, int vectors)
            throws IOException {
        Map<String, List<SearchBenchResult.SweepPoint>> byKind = new LinkedHashMap<>();
        points.forEach(p -> byKind.computeIfAbsent(p.kind().kind(), kind -> new ArrayList<>()).add(p));
        double maxMs = points.stream().mapToDouble(p -> p.kind().p50Ms()).max().orElse(1) * 1.1;
        double minRecall = Math.min(RECALL_GOAL, points.stream().mapToDouble(p -> p.kind().recallAtK()).min()
                .orElse(0.9)) - 0.01;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Axes axes = new Axes(maxMs, minRecall);
            axes.draw(g, k, vectors);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
            g.drawLine(axes.x(0), axes.y(RECALL_GOAL), axes.x(maxMs), axes.y(RECALL_GOAL));
            g.drawString("recall@" + k + " " + RECALL_GOAL, axes.x(0) + 6, axes.y(RECALL_GOAL) - 4);
            int series = 0;
            for (Map.Entry<String, List<SearchBenchResult.SweepPoint>> entry : byKind.entrySet()) {
                Color color = SERIES[series % SERIES.length];
                drawSeries(g, axes, entry.getValue(), color);
                g.setColor(color);
                g.fillRect(WIDTH - MARGIN - 190, MARGIN + 10 + series * 22, 14, 14);
                g.setColor(Color.BLACK);
                g.drawString(entry.getKey(), WIDTH - MARGIN - 170, MARGIN + 22 + series * 22);
                series++;
            }
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawSeries(Graphics2D g, Axes axes, List<SearchBenchResult.SweepPoint> points, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2));
        SearchBenchResult.SweepPoint previous = null;
        for (SearchBenchResult.SweepPoint point : points) {
            int x = axes.x(point.kind().p50Ms());
            int y = axes.y(point.kind().recallAtK());
            if (previous != null) {
                g.drawLine(axes.x(previous.kind().p50Ms()), axes.y(previous.kind().recallAtK()), x, y);
            }
            g.fillOval(x - 4, y - 4, 8, 8);
            g.drawString(Integer.toString(point.candidates()), x + 6, y + 14);
            previous = point;
        }
    }

    /** Maps latency and recall to pixels, and draws the axes with their ticks. */
    private record Axes(double maxMs, double minRecall) {

        int x(double ms) {
            return MARGIN + (int) Math.round(ms / maxMs * (WIDTH - 2 * MARGIN));
        }

        int y(double recall) {
            return HEIGHT - MARGIN - (int) Math.round((recall - minRecall) / (1 - minRecall) * (HEIGHT - 2 * MARGIN));
        }

        void draw(Graphics2D g, int k, int vectors) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawLine(x(0), y(minRecall), x(maxMs), y(minRecall));
            g.drawLine(x(0), y(minRecall), x(0), y(1));
            for (int i = 0; i <= 5; i++) {
                double ms = maxMs * i / 5;
                g.drawLine(x(ms), y(minRecall), x(ms), y(minRecall) + 5);
                g.drawString(String.format(Locale.ROOT, "%.2f", ms), x(ms) - 12, y(minRecall) + 20);
                double recall = minRecall + (1 - minRecall) * i / 5;
                g.drawLine(x(0) - 5, y(recall), x(0), y(recall));
                g.drawString(String.format(Locale.ROOT, "%.3f", recall), x(0) - 50, y(recall) + 5);
            }
            g.drawString("p50 latency, ms (one thread)", WIDTH / 2 - 80, HEIGHT - 20);
            g.drawString("recall@" + k, 10, MARGIN - 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(String.format(Locale.ROOT, "Unfiltered search, %,d vectors: recall@%d against p50, points"
                    + " labelled with the candidate count", vectors, k), MARGIN, 30);
        }
    }
}
