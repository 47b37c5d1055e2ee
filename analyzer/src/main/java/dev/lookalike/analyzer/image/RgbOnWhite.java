package dev.lookalike.analyzer.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Converts whatever an ImageIO reader produced into an opaque {@link BufferedImage#TYPE_INT_RGB} image,
 * with any transparency composited over white (catalogue products on transparent backgrounds are shown on
 * white, so that is what the model must see).
 */
final class RgbOnWhite {

    private static final int WHITE = 255;

    private RgbOnWhite() {
    }

    /**
     * Returns {@code image} itself when it is already {@code TYPE_INT_RGB}, else a converted copy.
     * Costs one pass over the pixels and {@code 4 * width * height} bytes for the copy.
     */
    static BufferedImage convert(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return convertGrey(image);
        }
        if (image.getType() == BufferedImage.TYPE_CUSTOM) {
            return convertCustom(image);
        }
        return drawOnWhite(image);
    }

    /**
     * Grey images are converted from their samples, because {@code ColorModel.getRGB}, which Java2D falls
     * back on for grey images of no predefined type (grey with alpha, as PNG decodes), takes the grey colour
     * space as linear and brightens the mid-tones: grey 128 would become 188. Grey in PNG, JPEG and TIFF
     * files is gamma-encoded like sRGB, so a sample is the display value. Scaling by the sample's own
     * maximum maps 16-bit grey to 8 bits.
     */
    private static BufferedImage convertGrey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        double greyMax = sampleMax(model, 0);
        int alphaBand = model.hasAlpha() ? model.getNumComponents() - 1 : -1;
        double alphaMax = alphaBand < 0 ? 1 : sampleMax(model, alphaBand);
        boolean premultiplied = model.isAlphaPremultiplied();
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double grey = raster.getSampleDouble(x, y, 0) / greyMax;
                double alpha = alphaBand < 0 ? 1 : raster.getSampleDouble(x, y, alphaBand) / alphaMax;
                double onWhite = premultiplied ? grey + (1 - alpha) : grey * alpha + (1 - alpha);
                int value = clampToByte(onWhite * WHITE);
                row[x] = value << 16 | value << 8 | value;
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    /** Images of no predefined type (16-bit RGB, for one) go through their colour model, row by row. */
    private static BufferedImage convertCustom(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                row[x] = overWhite(row[x]);
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    /** Predefined types have fast Java2D loops, which composite over the white fill by themselves. */
    private static BufferedImage drawOnWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    /** Composites a non-premultiplied ARGB pixel (what {@code getRGB} returns) over white. */
    private static int overWhite(int argb) {
        int alpha = argb >>> 24;
        if (alpha == WHITE) {
            return argb & 0xFFFFFF;
        }
        int red = blend(argb >> 16 & 0xFF, alpha);
        int green = blend(argb >> 8 & 0xFF, alpha);
        int blue = blend(argb & 0xFF, alpha);
        return red << 16 | green << 8 | blue;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + WHITE * (WHITE - alpha) + WHITE / 2) / WHITE;
    }

    /** Floating-point samples are normalised to 0..1; integer samples run up to 2^bits - 1. */
    private static double sampleMax(ColorModel model, int component) {
        int transferType = model.getTransferType();
        if (transferType == DataBuffer.TYPE_FLOAT || transferType == DataBuffer.TYPE_DOUBLE) {
            return 1;
        }
        return (1L << model.getComponentSize(component)) - 1;
    }

    private static int clampToByte(double value) {
        return (int) Math.max(0, Math.min(WHITE, Math.round(value)));
    }
}
