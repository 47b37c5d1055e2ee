package dev.lookalike.tools.search;

import dev.lookalike.search.SearchInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code lookalike search}'s query options into {@link QueryInput}s, checking what can be checked
 * before the index or the model is opened: image files exist, vectors parse. Errors name the option (and the
 * list file's line) and the bad value.
 */
public final class QueryInputs {

    private QueryInputs() {
    }

    /**
     * @param images    {@code --image} files, or {@code null}
     * @param imageList an {@code --image-list} file, or {@code null}
     * @param ids       {@code --id} values, or {@code null}
     * @param vectors   {@code --vector} values, or {@code null}
     * @return the queries in that order: images, listed images, ids, vectors
     * @throws SearchInputException naming the option when a file is missing, a list unreadable, an id empty
     *                              or a vector not comma-separated numbers
     */
    public static List<QueryInput> parse(List<Path> images, Path imageList, List<String> ids, List<String> vectors) {
        List<QueryInput> queries = new ArrayList<>();
        if (images != null) {
            images.forEach(file -> queries.add(image(file, "--image " + file)));
        }
        if (imageList != null) {
            queries.addAll(listed(imageList));
        }
        if (ids != null) {
            for (String id : ids) {
                if (id.isBlank()) {
                    throw new SearchInputException("--id", "is empty; give an indexed item's id");
                }
                queries.add(new QueryInput.Item(id));
            }
        }
        if (vectors != null) {
            vectors.forEach(csv -> queries.add(new QueryInput.Vector(vector(csv))));
        }
        if (queries.isEmpty()) {
            throw new SearchInputException("query", "none given; use --image, --image-list, --id or --vector");
        }
        return queries;
    }

    /**
     * Reads an image list: one path a line, relative paths against the list's folder; blank lines and lines
     * starting with {@code #} are skipped.
     */
    private static List<QueryInput> listed(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SearchInputException("--image-list " + list, "cannot be read: " + e.getMessage(), e);
        }
        Path folder = list.toAbsolutePath().getParent();
        List<QueryInput> queries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                queries.add(image(folder.resolve(line), "--image-list " + list + " line " + (i + 1)));
            }
        }
        return queries;
    }

    private static QueryInput image(Path file, String from) {
        if (!Files.isRegularFile(file)) {
            throw new SearchInputException(from, "no such image file " + file);
        }
        return new QueryInput.Image(file, from);
    }

    /**
     * @param csv comma-separated numbers
     * @return the vector; its dimension and finiteness are checked against the index later
     * @throws SearchInputException naming {@code --vector} and the part that is not a number
     */
    static float[] vector(String csv) {
        String[] parts = csv.split(",", -1);
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                vector[i] = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new SearchInputException("--vector", "part " + i + " '" + parts[i].strip()
                        + "' is not a number; expected comma-separated numbers");
            }
        }
        return vector;
    }
}
