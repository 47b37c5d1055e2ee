package dev.lookalike.tools.search;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.tools.catalogue.CatalogueImages;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * What the index stores about one item that a query by id needs to show: its category and image file.
 *
 * @param id       the id
 * @param category the catalogue category, or {@code null}
 * @param image    the image file, or {@code null} when the index does not know where it lies
 */
public record StoredItem(String id, String category, Path image) {

    /**
     * Looks an item up by id. Costs one term lookup and one stored-fields read.
     *
     * @param searcher a searcher on a Lookalike index
     * @param id       the id
     * @return the item
     * @throws SearchInputException naming {@code --id} when no live item has that id
     * @throws IOException          if the index cannot be read
     */
    public static StoredItem find(IndexSearcher searcher, String id) throws IOException {
        ScoreDoc[] hits = searcher.search(KeywordField.newExactQuery(IndexSchema.ID, id), 1).scoreDocs;
        if (hits.length == 0) {
            throw new SearchInputException("--id " + id, "no item with that id in the index");
        }
        Document doc = searcher.storedFields().document(hits[0].doc);
        return new StoredItem(id, doc.get(IndexSchema.CATEGORY), CatalogueImages.file(doc));
    }
}
