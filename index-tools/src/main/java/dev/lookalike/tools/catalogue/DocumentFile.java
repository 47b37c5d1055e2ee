package dev.lookalike.tools.catalogue;

import dev.lookalike.search.catalogue.ItemSink;
import dev.lookalike.search.index.IndexedItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A file of documents for an engine to load, written to a temporary file beside the target and moved into
 * place at {@link #finish()}, so that a crash or a failed run leaves no half-written file and an older file
 * of the same name stays as it was until the new one is whole. Subclasses write the engine's format.
 */
abstract class DocumentFile implements ItemSink {

    private final String target;
    private final Path out;
    private final Path tmp;
    private final BufferedWriter writer;
    private int written;
    private boolean finished;

    /**
     * @param target the engine's index or collection the documents are for
     * @param out    the file to write
     * @throws IOException if its folder cannot be written
     */
    DocumentFile(String target, Path out) throws IOException {
        this.target = target;
        this.out = out;
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        this.tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        this.writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    @Override
    public final void accept(List<IndexedItem> items) throws IOException {
        for (IndexedItem item : items) {
            write(writer, item, written);
            written++;
        }
    }

    /**
     * Writes one item.
     *
     * @param writer where to write
     * @param item   the item
     * @param before how many items were written before it
     * @throws IOException if it cannot be written
     */
    abstract void write(BufferedWriter writer, IndexedItem item, int before) throws IOException;

    /**
     * Writes what closes the file after the last item; nothing by default.
     *
     * @param writer where to write
     * @param count  how many items were written
     * @throws IOException if it cannot be written
     */
    void end(BufferedWriter writer, int count) throws IOException {
    }

    @Override
    public final void finish() throws IOException {
        end(writer, written);
        writer.close();
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    /** @return the engine's index or collection the documents are for */
    final String target() {
        return target;
    }

    /** @return the file being written */
    final Path out() {
        return out;
    }

    /** @return how many items were written so far */
    final int written() {
        return written;
    }

    @Override
    public final void close() throws IOException {
        if (!finished) {
            writer.close();
            Files.deleteIfExists(tmp);
        }
    }
}
