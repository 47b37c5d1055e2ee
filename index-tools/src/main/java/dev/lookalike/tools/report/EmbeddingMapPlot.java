package dev.lookalike.tools.report;

import dev.lookalike.analyzer.eval.PrincipalComponents;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG scatter plot of embeddings projected on their first two principal components, one colour per
 * class, with a legend: a quick look at how well the classes separate.
 */
public final class EmbeddingMapPlot {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };

    private EmbeddingMapPlot() {
    }

    /**
     * @param vectors    the embeddings
     * @param labels     their labels
     * @param classNames names by label
     * @param title      the plot's title
     * @param file       the PNG to write
     * @throws IOException if writing fails
     */
    public static void write(float[][] vectors, int[] labels, List<String> classNames, String title, Path file)
            throws IOException {
        PrincipalComponents pca = PrincipalComponents.fit(vectors, 2);
        float[][] xy = new float[vectors.length][];
        float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < vectors.length; i++) {
            xy[i] = pca.project(vectors[i]);
            minX = Math.min(minX, xy[i][0]);
            maxX = Math.max(maxX, xy[i][0]);
            minY = Math.min(minY, xy[i][1]);
            maxY = Math.max(maxY, xy[i][1]);
        }
        int w = 900, h = 700, plot = 640, margin = 40;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, margin, 26);
        g.setStroke(new BasicStroke(1));
        g.drawRect(margin, margin, plot, plot - 20);
        for (int i = 0; i < xy.length; i++) {
            int px = margin + 3 + Math.round((xy[i][0] - minX) / Math.max(1e-6f, maxX - minX) * (plot - 6));
            int py = margin + 3 + Math.round((maxY - xy[i][1]) / Math.max(1e-6f, maxY - minY) * (plot - 26));
            Color c = PALETTE[labels[i] % PALETTE.length];
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            g.fillOval(px - 2, py - 2, 4, 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int c = 0; c < classNames.size(); c++) {
            int y = margin + 20 + c * 24;
            g.setColor(PALETTE[c % PALETTE.length]);
            g.fillRect(margin + plot + 20, y - 11, 14, 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(classNames.get(c), margin + plot + 42, y + 1);
        }
        g.drawString("first two principal components", margin, h - 12);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }
}
