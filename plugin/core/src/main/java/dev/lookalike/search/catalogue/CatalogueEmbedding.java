package dev.lookalike.search.catalogue;

import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ImageSource;
import dev.lookalike.search.catalogue.CatalogueItem;
import dev.lookalike.search.index.IndexedItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Embeds catalogue items chunk by chunk and hands each chunk to an {@link ItemSink}, so that memory holds
 * one chunk's images at a time and a crash keeps what the sink committed. Within a chunk the
 * {@link Embedder} decodes on every core while it runs the network. Items whose image cannot be read are
 * skipped and reported, naming the item's id and catalogue line.
 */
public final class CatalogueEmbedding {

    private final Embedder embedder;
    private final int chunkSize;

    /**
     * @param embedder  the model
     * @param chunkSize items per chunk, at least 1
     * @throws IllegalArgumentException if the chunk size is below 1
     */
    public CatalogueEmbedding(Embedder embedder, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
        }
        this.embedder = embedder;
        this.chunkSize = chunkSize;
    }

    /**
     * Embeds every item and puts it into the sink; does not call {@link ItemSink#finish()}.
     *
     * @param items    the catalogue's valid items
     * @param sink     where the embedded items go
     * @param progress told the number of items done (embedded or skipped)
     * @return the skipped items, in catalogue order
     * @throws IOException if the sink cannot be written
     */
    public List<BatchEmbedding.Skipped> run(List<CatalogueItem> items, ItemSink sink, IntConsumer progress)
            throws IOException {
        List<BatchEmbedding.Skipped> skipped = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunkSize) {
            int offset = from;
            List<CatalogueItem> chunk = items.subList(from, Math.min(items.size(), from + chunkSize));
            List<ImageSource> sources = chunk.stream().map(item -> ImageSource.of(item.image())).toList();
            BatchEmbedding embedded = embedder.embedImages(sources, done -> progress.accept(offset + done));
            List<IndexedItem> ready = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                CatalogueItem item = chunk.get(i);
                float[] vector = embedded.vectors().get(i);
                if (vector != null) {
                    ready.add(new IndexedItem(item.id(), item.category(), item.title(), item.description(),
                            item.imageRelative(), item.fields(), vector));
                }
            }
            for (BatchEmbedding.Skipped s : embedded.skipped()) {
                CatalogueItem item = chunk.get(s.index());
                skipped.add(new BatchEmbedding.Skipped(offset + s.index(), item.id(),
                        "item " + item.id() + " (line " + item.line() + "): " + s.reason()));
            }
            if (!ready.isEmpty()) {
                sink.accept(ready);
            }
        }
        return skipped;
    }
}
