package dev.lookalike.tools.report.projector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts an embedding projector needs about one exported tensor, written in its two config formats: the
 * JSON that the standalone projector's "Load" dialog and {@code ?config=} read
 * ({@code {"embeddings": [{"tensorName", "tensorShape", "tensorPath", "metadataPath", "sprite": {"imagePath",
 * "singleImageDim"}}]}}), and the protobuf text format {@code projector_config.pbtxt} that TensorBoard's
 * projector plug-in reads from a log folder. Paths are as given (relative to the export folder, so the folder
 * can be moved or served whole).
 *
 * @param tensorName   the name the projector shows for the tensor
 * @param rows         how many rows (items) the tensor has
 * @param dimension    how many columns (floats) each row has
 * @param tensorPath   the vectors file
 * @param metadataPath the metadata file
 * @param spritePath   the sprite image, or {@code null} when there is none
 * @param tile         a sprite tile's side in pixels (ignored without a sprite)
 */
public record ProjectorConfig(String tensorName, int rows, int dimension, String tensorPath, String metadataPath,
        String spritePath, int tile) {

    /** The standalone projector's config file. */
    public static final String JSON_FILE = "projector_config.json";
    /** TensorBoard's projector config file. */
    public static final String PBTXT_FILE = "projector_config.pbtxt";

    /**
     * Writes {@value #JSON_FILE} and {@value #PBTXT_FILE} into a folder, replacing them.
     *
     * @param folder the export folder
     * @throws IOException if a file cannot be written
     */
    void writeInto(Path folder) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve(JSON_FILE).toFile(),
                Map.of("embeddings", List.of(json())));
        Files.writeString(folder.resolve(PBTXT_FILE), pbtxt(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> json() {
        Map<String, Object> embedding = new LinkedHashMap<>();
        embedding.put("tensorName", tensorName);
        embedding.put("tensorShape", List.of(rows, dimension));
        embedding.put("tensorPath", tensorPath);
        embedding.put("metadataPath", metadataPath);
        if (spritePath != null) {
            Map<String, Object> sprite = new LinkedHashMap<>();
            sprite.put("imagePath", spritePath);
            sprite.put("singleImageDim", List.of(tile, tile));
            embedding.put("sprite", sprite);
        }
        return embedding;
    }

    /** @return the config in protobuf text format ({@code tensorboard.projector.ProjectorConfig}) */
    String pbtxt() {
        StringBuilder text = new StringBuilder("embeddings {\n")
                .append("  tensor_name: ").append(quoted(tensorName)).append('\n')
                .append("  tensor_shape: ").append(rows).append('\n')
                .append("  tensor_shape: ").append(dimension).append('\n')
                .append("  tensor_path: ").append(quoted(tensorPath)).append('\n')
                .append("  metadata_path: ").append(quoted(metadataPath)).append('\n');
        if (spritePath != null) {
            text.append("  sprite {\n")
                    .append("    image_path: ").append(quoted(spritePath)).append('\n')
                    .append("    single_image_dim: ").append(tile).append('\n')
                    .append("    single_image_dim: ").append(tile).append('\n')
                    .append("  }\n");
        }
        return text.append("}\n").toString();
    }

    /** A protobuf text-format string literal. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
