package dev.lookalike.search.catalogue;

import dev.lookalike.search.index.IndexedItem;
import java.io.IOException;
import java.util.List;

/**
 * Where {@link CatalogueEmbedding} puts embedded catalogue items, a chunk at a time: a Lucene index, or a file
 * of an engine's bulk update requests (the command line's {@code lookalike index} has one of each).
 */
public interface ItemSink extends AutoCloseable {

    /**
     * Adds or replaces a chunk of items.
     *
     * @param items the items, each with its unit vector
     * @throws IOException if they cannot be written
     */
    void accept(List<IndexedItem> items) throws IOException;

    /**
     * Makes everything accepted so far durable and visible. Without it, {@link #close} discards what was
     * accepted since the last {@link #accept} that committed on its own.
     *
     * @throws IOException if it cannot be written
     */
    void finish() throws IOException;

    /** @return what was written, for the summary line, e.g. {@code index idx (1200 items)} */
    String describe() throws IOException;

    @Override
    void close() throws IOException;
}
