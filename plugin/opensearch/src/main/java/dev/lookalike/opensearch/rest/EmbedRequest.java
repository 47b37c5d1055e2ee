package dev.lookalike.opensearch.rest;

import java.io.IOException;
import java.util.Base64;
import org.opensearch.core.xcontent.XContentParseException;
import org.opensearch.core.xcontent.XContentParser;

/**
 * The body of {@code POST /_plugins/lookalike/_embed}: {@code {"image": "<base64>"}}. Parsing checks the shape
 * only; the base64 is decoded by {@link #imageBytes()}, on the inference pool rather than the network thread.
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
     * @return the image's bytes
     * @throws IllegalArgumentException if the field is not base64; the message names the field
     */
    public byte[] imageBytes() {
        String text = imageBase64.strip();
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getMimeDecoder().decode(strictBase64(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[" + IMAGE + "] is not valid base64: " + e.getMessage(), e);
        }
    }

    /** The MIME decoder skips line breaks, as clients wrap long base64, but it would skip any junk too. */
    private static String strictBase64(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' || c == '\r' || c == '\n';
            if (!ok) {
                throw new IllegalArgumentException("illegal character '" + c + "' at offset " + i);
            }
        }
        return text;
    }

    @Override
    public String toString() {
        return "EmbedRequest[" + imageBase64.length() + " base64 characters]";
    }
}
