package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.util.Base64;

/**
 * Decodes the base64 text that requests and documents carry images in: the standard or the URL-safe alphabet,
 * padding optional, line breaks allowed (clients wrap long base64), nothing else. Costs a pass over the text
 * and the decoded bytes' size in heap.
 */
public final class ImageBase64 {

    private ImageBase64() {
    }

    /**
     * @param text the base64 text
     * @param name how the request or document names the text, e.g. {@code [image]}; errors start with it
     * @return the decoded bytes
     * @throws AnalyzerInputException naming {@code name} if the text is not base64
     */
    public static byte[] decode(String text, String name) {
        return decode(text, name, Long.MAX_VALUE);
    }

    /**
     * Decodes base64 text, refusing before decoding when it holds more bytes than an image may have: a request
     * that carries 100 MB of base64 costs a pass over the text, not 75 MB more of heap.
     *
     * @param text     the base64 text
     * @param name     how the request or document names the text, e.g. {@code [image]}; errors start with it
     * @param maxBytes the most bytes the decoded image may have ({@code lookalike.max_image_bytes})
     * @return the decoded bytes
     * @throws AnalyzerInputException naming {@code name} if the text is not base64 or decodes to more than
     *                                {@code maxBytes}
     */
    public static byte[] decode(String text, String name, long maxBytes) {
        long decodedBytes = decodedSize(text);
        if (decodedBytes > maxBytes) {
            throw new AnalyzerInputException(name, decodedBytes + " bytes (as base64) exceeds the limit of "
                    + maxBytes + " bytes");
        }
        String stripped = text.strip();
        try {
            return stripped.indexOf('-') >= 0 || stripped.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(stripped)
                    : Base64.getMimeDecoder().decode(strictBase64(stripped));
        } catch (IllegalArgumentException e) {
            throw new AnalyzerInputException(name, "is not valid base64: " + e.getMessage(), e);
        }
    }

    /** @return the bytes the text decodes to, if it is base64: three for each four of its letters */
    private static long decodedSize(String text) {
        long letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '=' && c != '\r' && c != '\n' && !Character.isWhitespace(c)) {
                letters++;
            }
        }
        return letters * 3 / 4;
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
}
