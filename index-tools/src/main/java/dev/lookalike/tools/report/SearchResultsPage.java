package dev.lookalike.tools.report;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.tools.catalogue.CatalogueImages;
import dev.lookalike.tools.search.QueryInput;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link ResultsPage} of {@code lookalike search --html}: a row per query, its image beside a
 * grid of its results with score and category. Result images are read from the catalogue paths stored in
 * the index ({@link CatalogueImages}); an image that cannot be read shows as a grey tile marked {@value #MISSING}, since a
 * moved catalogue should not stop the page. A result counts as a match when its category equals the query
 * item's category (query by id) or the category the proxies predict for the query.
 */
public final class SearchResultsPage {

    /** Shown in place of the detail of a tile whose image file cannot be read. */
    public static final String MISSING = "image missing";

    private static final int PLACEHOLDER_SIZE = 28;

    private final ResultsPage page;
    private final ImageDecoder decoder;

    /**
     * @param title   the page title
     * @param decoder decodes the images, with the limits in force
     */
    public SearchResultsPage(String title, ImageDecoder decoder) {
        this.page = new ResultsPage(title);
        this.decoder = decoder;
    }

    /**
     * Adds a query's row. Costs one image decode per result.
     *
     * @param title         the row's title
     * @param query         the query
     * @param queryImage    the query's image file, or {@code null} (a raw vector)
     * @param queryCategory the query's known category, or {@code null}
     * @param results       the results
     */
    public void add(String title, QueryInput query, Path queryImage, String queryCategory, SearchResults results) {
        String expected = queryCategory != null ? queryCategory
                : results.queryCategory() == null ? null : results.queryCategory().category();
        String predicted = results.queryCategory() == null ? "no categories"
                : String.format(Locale.ROOT, "predicted %s %.2f", results.queryCategory().category(),
                        results.queryCategory().probability());
        ResultsPage.Tile queryTile = tile(queryImage, queryCategory != null ? queryCategory : query.describe(),
                predicted, null);
        List<ResultsPage.Tile> tiles = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            tiles.add(tile(CatalogueImages.file(hit), hit.category() == null ? "(no category)" : hit.category(),
                    String.format(Locale.ROOT, "%s %.3f", hit.id(), hit.score()),
                    expected == null ? null : expected.equals(hit.category())));
        }
        page.row(new ResultsPage.Row(title, queryTile, tiles));
    }

    /**
     * @param file the HTML file to write
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        page.write(file);
    }

    /** A tile of the image file, or a grey square (marked {@value #MISSING} when a file was expected). */
    private ResultsPage.Tile tile(Path file, String caption, String detail, Boolean verdict) {
        BufferedImage image = null;
        if (file != null && Files.isRegularFile(file)) {
            try {
                image = decoder.decode(file);
            } catch (RuntimeException e) {
                image = null;
            }
        }
        if (image != null) {
            return new ResultsPage.Tile(image, caption, detail, verdict);
        }
        return new ResultsPage.Tile(placeholder(), caption, file == null ? detail : detail + " (" + MISSING + ")",
                verdict);
    }

    private static BufferedImage placeholder() {
        BufferedImage image = new BufferedImage(PLACEHOLDER_SIZE, PLACEHOLDER_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, PLACEHOLDER_SIZE, PLACEHOLDER_SIZE);
        g.dispose();
        return image;
    }
}
