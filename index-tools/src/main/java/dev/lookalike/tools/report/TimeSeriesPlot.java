package dev.lookalike.tools.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG of line charts stacked over one shared x axis (time, say) that ends at the last point, one panel per
 * quantity, each with its own y axis from 0 to a round number and a legend: enough to see a trend or a drift by eye. A {@code NaN} y leaves a gap in its line.
 */
public final class TimeSeriesPlot {

    private static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 190;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 60;
    private static final int GAP = 46;
    private static final int BOTTOM = 40;

    /**
     * One line.
     *
     * @param name   its name in the legend
     * @param color  its colour
     * @param dashed whether it is drawn dashed
     * @param x      the x of each point
     * @param y      the y of each point, {@code NaN} for none
     */
    public record Series(String name, Color color, boolean dashed, double[] x, double[] y) {
    }

    /**
     * One chart.
     *
     * @param title  what it shows, with its unit
     * @param series its lines
     */
    public record Panel(String title, List<Series> series) {
    }

    private TimeSeriesPlot() {
    }

    /**
     * @param title  the figure's title
     * @param xLabel the x axis's label
     * @param panels the charts, top to bottom
     * @param file   the PNG to write (its folder is created)
     * @throws IOException if writing fails
     */
    public static void write(String title, String xLabel, List<Panel> panels, Path file) throws IOException {
        int height = TOP + panels.size() * (PANEL_HEIGHT + GAP) - GAP + BOTTOM;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 24);
        double maxX = 0;
        for (Panel p : panels) {
            for (Series s : p.series()) {
                for (double x : s.x()) {
                    maxX = Math.max(maxX, x);
                }
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(g, panels.get(i), TOP + i * (PANEL_HEIGHT + GAP), Math.max(maxX, 1e-9));
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, LEFT + (WIDTH - LEFT - RIGHT) / 2 - 30, height - 8);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static void drawPanel(Graphics2D g, Panel panel, int top, double maxX) {
        int plotW = WIDTH - LEFT - RIGHT;
        double maxY = 0;
        for (Series s : panel.series()) {
            for (double y : s.y()) {
                if (!Double.isNaN(y)) {
                    maxY = Math.max(maxY, y);
                }
            }
        }
        double stepY = niceCeiling(maxY / 4);
        maxY = stepY * Math.max(1, Math.ceil(maxY / stepY));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(panel.title(), LEFT, top - 6);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double v = 0; v <= maxY * 1.0001; v += stepY) {
            int y = (int) Math.round(top + PANEL_HEIGHT - v / maxY * PANEL_HEIGHT);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.GRAY);
            String label = number(v);
            g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        double stepX = niceCeiling(maxX / 8);
        for (double v = 0; v <= maxX * 1.0001; v += stepX) {
            int x = (int) Math.round(LEFT + v / maxX * plotW);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(x, top, x, top + PANEL_HEIGHT);
            g.setColor(Color.GRAY);
            String label = number(v);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + PANEL_HEIGHT + 14);
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, top, plotW, PANEL_HEIGHT);
        int legend = top + 14;
        for (Series s : panel.series()) {
            g.setStroke(stroke(s));
            g.setColor(s.color());
            Path2D.Double line = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) {
                    open = false;
                    continue;
                }
                double px = LEFT + s.x()[i] / maxX * plotW;
                double py = top + PANEL_HEIGHT - s.y()[i] / maxY * PANEL_HEIGHT;
                if (open) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    open = true;
                }
            }
            g.draw(line);
            g.drawLine(LEFT + plotW + 14, legend - 4, LEFT + plotW + 38, legend - 4);
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.DARK_GRAY);
            g.drawString(s.name(), LEFT + plotW + 44, legend);
            legend += 18;
        }
    }

    private static BasicStroke stroke(Series s) {
        return s.dashed() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {5, 4}, 0)
                : new BasicStroke(1.8f);
    }

    /** @return the smallest of 1, 2, 2.5, 5 times a power of ten at or above the value (1 for 0) */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double v) {
        double rounded = Math.round(v * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%.0f", rounded)
                : String.format(Locale.ROOT, "%.2f", rounded).replaceAll("0$", "");
    }
}
