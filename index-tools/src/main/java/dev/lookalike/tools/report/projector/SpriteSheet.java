package dev.lookalike.tools.report.projector;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The embedding projector's sprite: one square tile per item, row by row from the top left, in a square grid
 * of {@code ceil(sqrt(count))} tiles a side; tiles without a picture stay white. Each picture is fitted into
 * its tile with its aspect ratio kept and centred; a picture of exactly the tile's size is copied pixel for
 * pixel. Holds the whole sheet in memory: 4 bytes per pixel, at most {@value #MAX_SIDE}² pixels (256 MiB).
 */
public final class SpriteSheet {

    /** The largest sprite side, in pixels, that the projector reads. */
    static final int MAX_SIDE = 8192;

    private final BufferedImage sheet;
    private final int tile;
    private final int perRow;

    /**
     * @param count how many tiles, at least 1
     * @param tile  a tile's side in pixels, at least 1
     * @throws IllegalArgumentException naming {@code --limit} and {@code --thumbnail} when the sheet would be
     *                                  larger than {@value #MAX_SIDE} pixels a side (see {@link #requireFits})
     */
    SpriteSheet(int count, int tile) {
        requireFits(count, tile);
        this.tile = tile;
        this.perRow = tilesPerRow(count);
        this.sheet = new BufferedImage(perRow * tile, perRow * tile, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.dispose();
    }

    /**
     * @param count how many tiles
     * @return the tiles in a row (and rows) of a square grid that holds them: {@code ceil(sqrt(count))}
     */
    static int tilesPerRow(int count) {
        int side = (int) Math.ceil(Math.sqrt(count));
        while ((long) side * side < count) {
            side++;
        }
        while (side > 1 && (long) (side - 1) * (side - 1) >= count) {
            side--;
        }
        return side;
    }

    /**
     * Checks that {@code count} tiles of {@code tile} pixels fit in a sprite the projector reads.
     *
     * @param count how many tiles
     * @param tile  a tile's side in pixels
     * @throws IllegalArgumentException naming {@code --limit} and {@code --thumbnail}, the size needed and the
     *                                  most items that fit, when the sprite would exceed {@value #MAX_SIDE} px
     */
    public static void requireFits(int count, int tile) {
        long side = (long) tilesPerRow(count) * tile;
        if (side > MAX_SIDE) {
            long most = (long) (MAX_SIDE / tile) * (MAX_SIDE / tile);
            throw new IllegalArgumentException(String.format(
                    "--limit/--thumbnail: %d items of %d px need a %d x %d px sprite, over the projector's %d x %d;"
                            + " export at most %d items of that size (--limit %d), a smaller --thumbnail,"
                            + " or no sprite (--no-sprite)",
                    count, tile, side, side, MAX_SIDE, MAX_SIDE, most, most));
        }
    }

    /** @return how many tiles make a row (and a column) */
    int perRow() {
        return perRow;
    }

    /**
     * Draws a picture into a tile. Costs O(picture pixels + tile pixels).
     *
     * @param position the tile, from 0, row by row
     * @param picture  the picture
     */
    void place(int position, BufferedImage picture) {
        int left = (position % perRow) * tile;
        int top = (position / perRow) * tile;
        if (picture.getWidth() == tile && picture.getHeight() == tile) {
            sheet.setRGB(left, top, tile, tile, picture.getRGB(0, 0, tile, tile, null, 0, tile), 0, tile);
            return;
        }
        double scale = Math.min((double) tile / picture.getWidth(), (double) tile / picture.getHeight());
        int w = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        BufferedImage shrunk = halveWhileTwiceAsLarge(picture, w, h);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setClip(left, top, tile, tile);
        g.drawImage(shrunk, left + (tile - w) / 2, top + (tile - h) / 2, w, h, null);
        g.dispose();
    }

    /**
     * Bilinear steps of one half until the picture is less than twice the target size: one bilinear step from
     * a large photo straight to a thumbnail would skip most of its pixels and alias.
     */
    private static BufferedImage halveWhileTwiceAsLarge(BufferedImage picture, int width, int height) {
        BufferedImage current = picture;
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            BufferedImage half = new BufferedImage(current.getWidth() / 2, current.getHeight() / 2,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, half.getWidth(), half.getHeight(), null);
            g.dispose();
            current = half;
        }
        return current;
    }

    /**
     * @param file the PNG to write
     * @throws IOException if it cannot be written
     */
    void write(Path file) throws IOException {
        if (!ImageIO.write(sheet, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
