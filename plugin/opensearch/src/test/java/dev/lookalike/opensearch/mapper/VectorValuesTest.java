package dev.lookalike.opensearch.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

class VectorValuesTest {

    private static float[] parse(String json, int dimension) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY,
                DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            parser.nextToken();
            return VectorValues.parse(parser, "embedding", dimension);
        }
    }

    private static void assertRefused(String json, int dimension, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json, dimension));
        assertTrue(e.getMessage().startsWith("[embedding]"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void normalisesToUnitLength() throws IOException {
        float[] v = parse("[3, 0, 4]", 3);
        assertEquals(0.6f, v[0], 1e-6);
        assertEquals(0f, v[1], 1e-6);
        assertEquals(0.8f, v[2], 1e-6);
    }

    @Test
    void refusesWrongDimensionNonNumbersZeroVectorsAndNonArrays() {
        assertRefused("[1, 2]", 3, "has dimension 2, the index expects 3");
        assertRefused("[1, 2, 3, 4]", 3, "has dimension 4");
        assertRefused("[1, \"x\", 3]", 3, "must hold only numbers, got VALUE_STRING at position 1");
        assertRefused("[1, null, 3]", 3, "must hold only numbers");
        assertRefused("[0, 0, 0]", 3, "all zeros");
        assertRefused("{\"a\": 1}", 3, "must be an array of numbers");
        assertRefused("[1e39, 0, 0]", 3, "finite");
    }
}
