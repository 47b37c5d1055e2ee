package dev.lookalike.search.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.search.SearchInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a catalogue in JSON Lines: one object per line, {@code {"id": "…", "image": "relative/path.png",
 * "category": "…", "title": "…", "description": "…", …}}. Image paths are relative to the catalogue file's
 * folder. A bad line does not stop the reading: it is reported as a {@link SearchInputException} naming the
 * line number and the problem, and the next line is read. A line is bad when it is not a JSON object, its
 * {@code id} or {@code image} is missing or empty, its id repeats an earlier valid line's (the first wins), or
 * its image path is absolute or, once resolved and normalised, leaves the catalogue's folder (the check is on
 * the path's text: a symbolic link inside the folder is followed later, by whoever opens the image), or it is
 * not UTF-8 (each line is decoded on its own, so a stray byte costs its line, not the catalogue). Blank
 * lines are skipped. Streams the file: memory is one line plus the set of ids seen.
 */
public final class CatalogueReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("id", "image", "category", "title", "description");

    private final Path file;
    private final Path folder;

    /**
     * @param file the catalogue file; nothing is read until {@link #read}
     */
    public CatalogueReader(Path file) {
        this.file = file;
        this.folder = file.toAbsolutePath().normalize().getParent();
    }

    /**
     * Reads the whole catalogue into memory.
     *
     * @return the valid items and the errors, both in file order
     * @throws SearchInputException if the file cannot be read at all
     */
    public Catalogue readAll() {
        List<CatalogueItem> items = new ArrayList<>();
        List<SearchInputException> errors = new ArrayList<>();
        read(items::add, errors::add);
        return new Catalogue(items, errors);
    }

    /**
     * Streams the catalogue, handing over each valid item and each bad line's error as it comes.
     *
     * @param items  receives the valid items, in file order
     * @param errors receives one error per bad line, in file order
     * @throws SearchInputException if the file cannot be read at all (missing, a directory, unreadable); a line
     *                              that is not UTF-8 is one bad line
     */
    public void read(Consumer<CatalogueItem> items, Consumer<SearchInputException> errors) {
        Set<String> seen = new HashSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter lines = new LineSplitter(in);
            int number = 0;
            for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next()) {
                number++;
                try {
                    String line = utf8(number, bytes);
                    if (line.isBlank()) {
                        continue;
                    }
                    CatalogueItem item = parse(number, line);
                    if (!seen.add(item.id())) {
                        throw bad(number, "id '" + item.id() + "' repeats an earlier line's (the first is kept)");
                    }
                    items.accept(item);
                } catch (SearchInputException e) {
                    errors.accept(e);
                }
            }
        } catch (IOException | InvalidPathException e) {
            throw new SearchInputException("catalogue " + file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Decodes one line strictly, so that a stray byte costs its line and not the whole catalogue. */
    private String utf8(int number, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad(number, "not UTF-8 text");
        }
    }

    /**
     * Splits a stream into lines of bytes at {@code \n}, {@code \r} or {@code \r\n}, as
     * {@link java.io.BufferedReader#readLine()} does with characters; holds one line.
     */
    private static final class LineSplitter {
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private boolean skipLineFeed;

        LineSplitter(InputStream in) {
            this.in = in;
        }

        /** @return the next line without its end, or null at the end of the stream */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? line.toByteArray() : null;
                    }
                }
                byte b = buffer[position++];
                if (skipLineFeed) {
                    skipLineFeed = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    skipLineFeed = b == '\r';
                    return line.toByteArray();
                }
                line.write(b);
                any = true;
            }
        }
    }

    private CatalogueItem parse(int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(number, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw bad(number, "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        String id = requiredText(number, node, "id");
        String image = requiredText(number, node, "image");
        Path resolved = insideFolder(number, image);
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        String category = optionalText(number, node, "category");
        return new CatalogueItem(number, id, resolved, folder.relativize(resolved).toString(),
                category == null || category.isEmpty() ? null : category,
                orEmpty(optionalText(number, node, "title")),
                orEmpty(optionalText(number, node, "description")), fields);
    }

    private Path insideFolder(int number, String image) {
        Path relative;
        try {
            relative = folder.getFileSystem().getPath(image);
        } catch (InvalidPathException e) {
            throw bad(number, "field image '" + image + "' is not a valid path");
        }
        if (relative.isAbsolute() || image.startsWith("/") || image.startsWith("\\")) {
            throw bad(number, "field image '" + image + "' is absolute; it must be relative to the catalogue's folder");
        }
        Path resolved = folder.resolve(relative).normalize();
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw bad(number, "field image '" + image + "' leaves the catalogue's folder " + folder);
        }
        return resolved;
    }

    private String requiredText(int number, JsonNode node, String field) {
        String value = optionalText(number, node, field);
        if (value == null || value.isBlank()) {
            throw bad(number, "field " + field + " is missing or empty");
        }
        return value;
    }

    private String optionalText(int number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw bad(number, "field " + field + " must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private SearchInputException bad(int number, String problem) {
        return new SearchInputException("catalogue " + file.getFileName() + " line " + number, problem);
    }
}
