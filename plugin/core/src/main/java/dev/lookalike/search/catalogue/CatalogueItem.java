package dev.lookalike.search.catalogue;

import java.nio.file.Path;
import java.util.Map;

/**
 * One valid catalogue line.
 *
 * @param line         the 1-based line number it came from, for messages
 * @param id           the item's id, not empty
 * @param image        the image file, resolved against the catalogue's folder and known to lie inside it
 * @param imageRelative the image path as written in the catalogue, normalised (what the index stores)
 * @param category     the category, or {@code null} when the line has none
 * @param title        the title, empty when absent
 * @param description  the description, empty when absent
 * @param fields       every other field of the line, in order; non-text values as JSON text
 */
public record CatalogueItem(
        int line,
        String id,
        Path image,
        String imageRelative,
        String category,
        String title,
        String description,
        Map<String, String> fields) {

    /** Copies {@code fields} so that the item is immutable. */
    public CatalogueItem {
        fields = Map.copyOf(fields);
    }
}
