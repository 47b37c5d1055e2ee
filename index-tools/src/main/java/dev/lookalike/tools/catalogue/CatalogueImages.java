package dev.lookalike.tools.catalogue;

import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.query.SearchHit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;

/**
 * Where an indexed item's image file lies. The index stores the image path relative to the catalogue it
 * came from (the core's {@code image} field) and, per item, that catalogue's absolute folder in the other
 * field {@value #FOLDER_FIELD}: per item rather than per index, because one index may be filled from several
 * catalogues. A catalogue line's own field of that name is replaced.
 */
public final class CatalogueImages {

    /** The other field that holds the absolute folder of the catalogue an item came from. */
    static final String FOLDER_FIELD = "catalogue_folder";

    private CatalogueImages() {
    }

    /**
     * @param item   an item read from a catalogue
     * @param folder the catalogue's folder
     * @return the item with {@value #FOLDER_FIELD} set to the folder's absolute, normalised path
     */
    static IndexedItem withFolder(IndexedItem item, Path folder) {
        Map<String, String> fields = new LinkedHashMap<>(item.fields());
        fields.put(FOLDER_FIELD, folder.toAbsolutePath().normalize().toString());
        return new IndexedItem(item.id(), item.category(), item.title(), item.description(), item.image(), fields,
                item.vector());
    }

    /**
     * @param image  the stored relative image path, or {@code null}
     * @param fields the stored other fields
     * @return the image file, or {@code null} when the item has no image or no catalogue folder
     */
    public static Path file(String image, Map<String, String> fields) {
        return file(image, fields.get(FOLDER_FIELD));
    }

    private static Path file(String image, String folder) {
        return image == null || folder == null ? null : Path.of(folder).resolve(image);
    }

    /**
     * @param stored an item's stored fields, as the core's schema writes them
     * @return its image file, or {@code null} when the item has no image or no catalogue folder
     */
    public static Path file(Document stored) {
        return file(stored.get(IndexSchema.IMAGE), stored.get(IndexSchema.FIELD_PREFIX + FOLDER_FIELD));
    }

    /**
     * @param hit a search hit
     * @return its image file, or {@code null} when unknown
     */
    public static Path file(SearchHit hit) {
        return file(hit.image(), hit.fields());
    }
}
