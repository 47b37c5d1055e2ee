package dev.lookalike.tools.report.projector;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Writes index items into a folder as an embedding projector export: {@value #VECTORS_FILE} and
 * {@value #METADATA_FILE} (see {@link ProjectorTables}), optionally {@value #SPRITE_FILE} (see
 * {@link SpriteSheet}), and both config files (see {@link ProjectorConfig}), all in the items' order. Items
 * are streamed: only the sprite is held whole. An item whose image is unknown or cannot be decoded keeps a
 * blank tile and is counted; when no item's image can be read at all, no sprite is written and the configs
 * name none. Costs one stored-fields read, one vector read and one image decode per item.
 */
public final class ProjectorExport {

    /** The vectors table. */
    public static final String VECTORS_FILE = "vectors.tsv";
    /** The metadata table. */
    public static final String METADATA_FILE = "metadata.tsv";
    /** The sprite image. */
    public static final String SPRITE_FILE = "sprite.png";

    /**
     * What an export wrote.
     *
     * @param rows         the items written
     * @param dimension    the floats in each vector row
     * @param spritePerRow the sprite's tiles a row (and rows), or 0 when no sprite was written
     * @param unreadable   how many items' images could not be read (their tiles are blank)
     * @param firstProblem why the first of those could not be read, or {@code null}
     */
    public record Written(int rows, int dimension, int spritePerRow, int unreadable, String firstProblem) {
    }

    private final ImageDecoder decoder;

    /** @param decoder decodes the items' images, with the limits in force */
    public ProjectorExport(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Writes the export, replacing the files of an earlier one (and removing its sprite when this one has none).
     *
     * @param items      the items, in the order to write them
     * @param tensorName the name the projector shows
     * @param tile       a sprite tile's side in pixels, or {@code null} for no sprite
     * @param folder     an existing folder to write into
     * @param done       told how many items are written so far
     * @return what was written
     * @throws IllegalArgumentException naming {@code --limit} and {@code --thumbnail} when the sprite would be
     *                                  too large for the projector
     * @throws IOException              if the index cannot be read or a file cannot be written
     */
    public Written write(ProjectorItems items, String tensorName, Integer tile, Path folder, IntConsumer done)
            throws IOException {
        SpriteSheet sheet = tile == null ? null : new SpriteSheet(items.count(), tile);
        Pass pass;
        try (ProjectorTables tables = new ProjectorTables(folder.resolve(VECTORS_FILE), folder.resolve(METADATA_FILE))) {
            pass = new Pass(tables, sheet, done);
            items.forEach(pass);
        }
        boolean sprite = sheet != null && pass.unreadable < items.count();
        if (sprite) {
            sheet.write(folder.resolve(SPRITE_FILE));
        } else {
            Files.deleteIfExists(folder.resolve(SPRITE_FILE));
        }
        new ProjectorConfig(tensorName, items.count(), pass.dimension, VECTORS_FILE, METADATA_FILE,
                sprite ? SPRITE_FILE : null, tile == null ? 0 : tile).writeInto(folder);
        return new Written(items.count(), pass.dimension, sprite ? sheet.perRow() : 0, pass.unreadable, pass.firstProblem);
    }

    /** One pass over the items: a row in each table and a tile each, counting the images that fail. */
    private final class Pass implements ProjectorItems.Visitor {

        private final ProjectorTables tables;
        private final SpriteSheet sheet;
        private final IntConsumer done;
        private int dimension;
        private int unreadable;
        private String firstProblem;

        Pass(ProjectorTables tables, SpriteSheet sheet, IntConsumer done) {
            this.tables = tables;
            this.sheet = sheet;
            this.done = done;
        }

        @Override
        public void visit(int position, ProjectorItem item) throws IOException {
            tables.add(item);
            dimension = item.vector().length;
            if (sheet != null) {
                try {
                    sheet.place(position, picture(item));
                } catch (AnalyzerInputException e) {
                    unreadable++;
                    firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
                }
            }
            done.accept(position + 1);
        }
    }

    private BufferedImage picture(ProjectorItem item) {
        if (item.image() == null) {
            throw new AnalyzerInputException("item " + item.id(), "the index does not say where its image lies");
        }
        return decoder.decode(item.image());
    }
}
