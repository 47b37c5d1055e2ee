package dev.lookalike.search.index;

import java.util.Map;

/**
 * An item ready to index: its text, its category and its already computed unit embedding (the caller
 * embeds; the core never runs the model). Validated when it is turned into a document, not here, so that the
 * error can name the index's dimension.
 *
 * @param id          the unique id, not empty
 * @param category    the catalogue category, or {@code null}
 * @param title       the title, or {@code null}
 * @param description the description, or {@code null}
 * @param image       the image path relative to the catalogue, or {@code null}
 * @param fields      other fields, stored and returned with results; may be empty
 * @param vector      the unit embedding; not copied, so do not change it afterwards
 */
public record IndexedItem(
        String id,
        String category,
        String title,
        String description,
        String image,
        Map<String, String> fields,
        float[] vector) {

    /** Copies {@code fields}; a {@code null} map becomes empty. */
    public IndexedItem {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
