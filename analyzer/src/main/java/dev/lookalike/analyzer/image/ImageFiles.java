package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads image files for ingest (OpenSearch's {@code image_embedding} processor, Solr's update processor), only
 * under the root directory that the node setting {@code lookalike.ingest.file_root} names (the same name in both
 * engines): a path is resolved against the root, and refused when it (or,
 * through symbolic links, its real location) lies outside the root. Reads at most the node's image byte limit.
 */
public final class ImageFiles {

    private final Path root;
    private final long maxBytes;

    /**
     * @param root     the root directory, absolute and normalised, or {@code null} to refuse every file
     * @param maxBytes the largest file accepted
     */
    public ImageFiles(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /**
     * @param path a path relative to the root, or absolute but under it
     * @param name how the document names the path, e.g. {@code [image_embedding][image_path]}
     * @return the file's bytes
     * @throws AnalyzerInputException naming {@code name} if files are off, the path leaves the root, the file
     *                                  does not exist or is larger than the limit
     * @throws IOException              if the file cannot be read
     */
    public byte[] read(String path, String name) throws IOException {
        if (root == null) {
            throw new AnalyzerInputException(name, "is a file path, but reading files is off on this node; set "
                    + "[lookalike.ingest.file_root] to the directory that holds the images");
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new AnalyzerInputException(name + " [" + path + "]",
                    "is outside [lookalike.ingest.file_root] " + root);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new AnalyzerInputException(name + " [" + path + "]", "links outside [lookalike.ingest.file_root] "
                        + root);
            }
            if (!Files.isRegularFile(real)) {
                throw new AnalyzerInputException(name + " [" + path + "]", "is not a regular file");
            }
            if (Files.size(real) > maxBytes) {
                throw new AnalyzerInputException(name + " [" + path + "]", "has " + Files.size(real)
                        + " bytes, over [lookalike.max_image_bytes] " + maxBytes);
            }
            try (InputStream in = Files.newInputStream(real)) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE, maxBytes));
            }
        } catch (NoSuchFileException e) {
            throw new AnalyzerInputException(name + " [" + path + "]", "does not exist under " + root, e);
        }
    }
}
