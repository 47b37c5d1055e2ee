package dev.lookalike.opensearch.rest;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageBase64;
import java.io.IOException;
import org.opensearch.core.xcontent.XContentParseException;
import org.opensearch.core.xcontent.XContentParser;

/**
 * The body of {@code POST /_plugins/lookalike/_embed}: {@code {"image": "<base64>"}}. Parsing checks the shape
 * only; the base64 is decoded by {@link #imageBytes(long)}, on the inference pool rather than the network thread.
 *
 * @param imageBase64 the image, base64-encoded (standard or URL-safe alphabet, padding optional)
 */
public record EmbedRequest(String imageBase64) {

    /** The one field of the body. */
    public static final String IMAGE = "image";

    /**
     * Reads the body. Costs one pass over it.
     *
     * @param parser a parser on the request body
     * @return the request
     * @throws IllegalArgumentException if the body is not a JSON object, has a field other than {@value #IMAGE},
     *                                  lacks {@value #IMAGE}, or has it other than as a string; the message names
     *                                  the field
     */
    public static EmbedRequest parse(XContentParser parser) {
        try {
            return read(parser);
        } catch (XContentParseException | IOException e) {
            throw new IllegalArgumentException("[_embed] the request body is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static EmbedRequest read(XContentParser parser) throws IOException {
        if (parser.nextToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("[_embed] the request body must be a JSON object {\"" + IMAGE
                    + "\": \"<base64>\"}");
        }
        String image = null;
        for (XContentParser.Token token = parser.nextToken(); token != XContentParser.Token.END_OBJECT;
                token = parser.nextToken()) {
            String field = parser.currentName();
            XContentParser.Token value = parser.nextToken();
            if (!IMAGE.equals(field)) {
                throw new IllegalArgumentException("[_embed] unknown field [" + field + "]: the only field is ["
                        + IMAGE + "]");
            }
            if (value != XContentParser.Token.VALUE_STRING) {
                throw new IllegalArgumentException("[" + IMAGE + "] must be a base64 string, got " + value);
            }
            image = parser.text();
        }
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("[_embed] unexpected content after the request body's JSON object");
        }
        if (image == null) {
            throw new IllegalArgumentException("[_embed] missing field [" + IMAGE + "]: expected {\"" + IMAGE
                    + "\": \"<base64>\"}");
        }
        return new EmbedRequest(image);
    }

    /**
     * Decodes the base64. Costs a pass over the string and the decoded bytes' size in heap.
     *
     * @param maxBytes the most bytes the image may have; larger base64 is refused before it is decoded
     * @return the image's bytes
     * @throws IllegalArgumentException if the field is not base64 or holds more than {@code maxBytes}; the message
     *                                  names the field
     */
    public byte[] imageBytes(long maxBytes) {
        try {
            return ImageBase64.decode(imageBase64, "[" + IMAGE + "]", maxBytes);
        } catch (AnalyzerInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbedRequest[" + imageBase64.length() + " base64 characters]";
    }
}
