package dev.lookalike.analyzer.preprocess;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Synthetic product photos for preprocessing tests: a filled rectangle on a uniform background. */
final class ProductPhotos {

    private ProductPhotos() {
    }

    /** A {@code width x height} RGB image of {@code background} with a filled rectangle of {@code ink}. */
    static BufferedImage of(int width, int height, Color background, Color ink, int x, int y, int w, int h) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setColor(ink);
        g.fillRect(x, y, w, h);
        g.dispose();
        return image;
    }
}
