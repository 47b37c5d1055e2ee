package dev.lookalike.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesPlotTest {

    @Test
    void roundsAxesUpToOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(0.5, TimeSeriesPlot.niceCeiling(0.3), 1e-12);
        assertEquals(2.5, TimeSeriesPlot.niceCeiling(2.1), 1e-12);
        assertEquals(100, TimeSeriesPlot.niceCeiling(100), 1e-12);
        assertEquals(1000, TimeSeriesPlot.niceCeiling(501), 1e-12);
        assertEquals(1, TimeSeriesPlot.niceCeiling(0), "an empty panel still has an axis");
    }

    @Test
    void drawsOnePanelPerQuantityAndLeavesAGapForAMissingPoint(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3};
        Color red = new Color(0xd62728);
        TimeSeriesPlot.Panel latency = new TimeSeriesPlot.Panel("latency", List.of(
                new TimeSeriesPlot.Series("p99", red, false, x, new double[] {10, Double.NaN, 30, 40})));
        TimeSeriesPlot.Panel empty = new TimeSeriesPlot.Panel("nothing yet", List.of());
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        TimeSeriesPlot.write("one", "minutes", List.of(latency), one);
        TimeSeriesPlot.write("two", "minutes", List.of(latency, empty), two);
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals(a.getWidth(), b.getWidth());
        assertNotEquals(a.getHeight(), b.getHeight(), "a second panel makes the figure taller");
        boolean red30 = false;
        for (int px = 0; px < a.getWidth() && !red30; px++) {
            for (int py = 0; py < a.getHeight() && !red30; py++) {
                red30 = a.getRGB(px, py) == red.getRGB();
            }
        }
        assertEquals(true, red30, "the line is drawn in its colour");
    }
}
