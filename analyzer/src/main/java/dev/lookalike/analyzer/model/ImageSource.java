package dev.lookalike.analyzer.model;

import dev.lookalike.analyzer.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** One image to embed, named as the user knows it so that a failure can say which one. */
public interface ImageSource {

    /** @return how the user knows this input: a path, or a given name */
    String name();

    /**
     * Decodes this image.
     *
     * @param decoder the decoder, with its limits
     * @return the decoded image
     * @throws dev.lookalike.analyzer.AnalyzerInputException if it cannot be read, decoded or breaks a limit
     */
    BufferedImage decode(ImageDecoder decoder);

    /**
     * @param path an image file
     * @return a source reading that file
     */
    static ImageSource of(Path path) {
        return new FileImage(path);
    }

    /**
     * @param name  how the user knows these bytes
     * @param bytes encoded image bytes
     * @return a source decoding those bytes
     */
    static ImageSource of(String name, byte[] bytes) {
        return new ImageBytes(name, bytes);
    }

    /**
     * An image file.
     *
     * @param path the file
     */
    record FileImage(Path path) implements ImageSource {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public BufferedImage decode(ImageDecoder decoder) {
            return decoder.decode(path);
        }
    }

    /**
     * Encoded image bytes.
     *
     * @param name  how the user knows them
     * @param bytes the bytes
     */
    record ImageBytes(String name, byte[] bytes) implements ImageSource {
        @Override
        public BufferedImage decode(ImageDecoder decoder) {
            return decoder.decode(bytes, name);
        }
    }
}
