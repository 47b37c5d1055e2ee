package dev.lookalike.opensearch.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

class EmbedRequestTest {

    private static final byte[] BYTES = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 42};

    private static EmbedRequest parse(String json) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY,
                DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            return EmbedRequest.parse(parser);
        }
    }

    private static void assertRejected(String json, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json).imageBytes(Long.MAX_VALUE));
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void imageFieldIsDecodedFromStandardUrlSafeAndWrappedBase64() throws IOException {
        String standard = Base64.getEncoder().encodeToString(BYTES);
        assertArrayEquals(BYTES, parse("{\"image\": \"" + standard + "\"}").imageBytes(Long.MAX_VALUE));
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES);
        assertArrayEquals(BYTES, parse("{\"image\": \"" + urlSafe + "\"}").imageBytes(Long.MAX_VALUE));
        String wrapped = standard.substring(0, 4) + "\\r\\n" + standard.substring(4);
        assertArrayEquals(BYTES, parse("{\"image\": \"" + wrapped + "\"}").imageBytes(Long.MAX_VALUE));
    }

    @Test
    void everyMalformedBodyNamesWhatIsWrong() {
        assertRejected("{\"image\": ", "not valid JSON");
        assertRejected("[1, 2]", "must be a JSON object");
        assertRejected("{}", "missing field [image]");
        assertRejected("{\"image\": \"aGk=\", \"mode\": 1}", "unknown field [mode]");
        assertRejected("{\"image\": {\"b64\": \"aGk=\"}}", "[image] must be a base64 string");
        assertRejected("{\"image\": null}", "[image] must be a base64 string");
        assertRejected("{\"image\": \"aGk=\"} {}", "unexpected content after");
    }

    @Test
    void textThatIsNotBase64IsRefusedWithTheField() {
        assertRejected("{\"image\": \"not base64 at all\"}", "[image]: is not valid base64");
        assertRejected("{\"image\": \"a\"}", "[image]: is not valid base64");
        assertRejected("{\"image\": \"aGk=*\"}", "[image]: is not valid base64");
    }

    @Test
    void toStringDoesNotPrintTheImage() throws IOException {
        EmbedRequest request = parse("{\"image\": \"aGVsbG8=\"}");
        assertEquals("EmbedRequest[8 base64 characters]", request.toString());
    }
}
