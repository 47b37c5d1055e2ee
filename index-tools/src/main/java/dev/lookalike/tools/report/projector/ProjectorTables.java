package dev.lookalike.tools.report.projector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the embedding projector's two tables, row by row as items come: the vectors (one row per item, its
 * floats tab-separated, no header) and their metadata (a header row, then one row per item in the same
 * order). Floats are written in Java's shortest form that reads back to the same float. Tabs, carriage
 * returns and newlines inside a value become spaces, and a missing value is empty, so that every row keeps
 * its columns. Costs O(dimension) per item; buffers one row at most.
 */
public final class ProjectorTables implements AutoCloseable {

    /** The metadata columns, in order: the header row. */
    public static final List<String> METADATA_COLUMNS = List.of("id", "category", "proxy_category", "title");

    private final BufferedWriter vectors;
    private final BufferedWriter metadata;
    private int rows;

    /**
     * Creates (or replaces) both files and writes the metadata header.
     *
     * @param vectorsFile  where the vectors go
     * @param metadataFile where the metadata go
     * @throws IOException if either cannot be written
     */
    ProjectorTables(Path vectorsFile, Path metadataFile) throws IOException {
        this.vectors = Files.newBufferedWriter(vectorsFile, StandardCharsets.UTF_8);
        BufferedWriter opened;
        try {
            opened = Files.newBufferedWriter(metadataFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            vectors.close();
            throw e;
        }
        this.metadata = opened;
        metadata.write(String.join("\t", METADATA_COLUMNS));
        metadata.write('\n');
    }

    /**
     * Writes an item's vector row and metadata row.
     *
     * @param item the item
     * @throws IOException if a file cannot be written
     */
    void add(ProjectorItem item) throws IOException {
        float[] v = item.vector();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                vectors.write('\t');
            }
            vectors.write(Float.toString(v[i]));
        }
        vectors.write('\n');
        metadata.write(cell(item.id()));
        for (String value : new String[] {item.category(), item.proxyCategory(), item.title()}) {
            metadata.write('\t');
            metadata.write(cell(value));
        }
        metadata.write('\n');
        rows++;
    }

    /** @return the rows written to each table, the metadata header not counted */
    int rows() {
        return rows;
    }

    /**
     * @param value a value, or {@code null}
     * @return the value with tabs and line breaks replaced by spaces; empty for {@code null}
     */
    static String cell(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** Flushes and closes both files. */
    @Override
    public void close() throws IOException {
        try (vectors; metadata) {
            // try-with-resources closes both, the second even when the first fails
        }
    }
}
