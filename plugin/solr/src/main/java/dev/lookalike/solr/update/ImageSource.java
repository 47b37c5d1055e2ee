package dev.lookalike.solr.update;

import java.util.Locale;

/** What the input field of a document holds. */
public enum ImageSource {
    /** The image's bytes as base64 text. */
    BASE64,
    /** A path under the node's {@code lookalike.ingest.file_root}. */
    FILE,
    /** A URL on a host of the node's {@code lookalike.ingest.url_allow_list}. */
    URL;

    /**
     * @param text {@code base64}, {@code file} or {@code url}, any case
     * @return the source, or {@code null} if the text names none
     */
    public static ImageSource parse(String text) {
        for (ImageSource s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
