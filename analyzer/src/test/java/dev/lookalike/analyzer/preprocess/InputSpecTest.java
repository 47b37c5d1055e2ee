package dev.lookalike.analyzer.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void refused(String expectedInMessage, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains("\"input\""), e.getMessage());
        assertTrue(e.getMessage().contains(expectedInMessage), "\"" + e.getMessage() + "\" should name " + expectedInMessage);
    }

    @Test
    void greyAndColourAtAnySizeUpToTheLimitAreAccepted() {
        assertEquals(3 * 48 * 64, new InputSpec(64, 48, 3, 0.5f, 0.25f, "dark", true, 0.08f).size());
        assertEquals(1, new InputSpec(1, 1, 1, 0f, 1f, "any", false, 0.08f).size());
        assertEquals(InputSpec.MAX_SIDE * 7,
                new InputSpec(InputSpec.MAX_SIDE, 7, 1, 0f, 1f, "any", false, 0.08f).size());
    }

    @Test
    void channelsOtherThanOneOrThreeAreRefusedNamingTheField() {
        for (int channels : new int[] {0, 2, 4, -1}) {
            refused("\"channels\"", () -> new InputSpec(28, 28, channels, 0.5f, 0.25f, "dark", true, 0.08f));
        }
    }

    @Test
    void emptyNegativeAndHugeSizesAreRefusedNamingTheSize() {
        refused("0x0", () -> new InputSpec(0, 0, 1, 0.5f, 0.25f, "dark", true, 0.08f));
        refused("-4x28", () -> new InputSpec(-4, 28, 3, 0.5f, 0.25f, "dark", true, 0.08f));
        refused("28x" + (InputSpec.MAX_SIDE + 1),
                () -> new InputSpec(28, InputSpec.MAX_SIDE + 1, 1, 0.5f, 0.25f, "dark", true, 0.08f));
    }

    @Test
    void meanAndStdAreOneValueOrOnePerChannel() {
        InputSpec perChannel = new InputSpec(8, 8, 3, List.of(0.1f, 0.2f, 0.3f), List.of(1f, 2f, 4f), "dark", true, 0.08f);
        assertEquals(0.2f, perChannel.mean(1));
        assertEquals(4f, perChannel.std(2));
        InputSpec shared = new InputSpec(8, 8, 3, 0.5f, 0.25f, "dark", true, 0.08f);
        assertEquals(0.5f, shared.mean(2));
        assertEquals(0.25f, shared.std(1));
        refused("\"mean\"", () -> new InputSpec(8, 8, 3, List.of(0.1f, 0.2f), List.of(1f), "dark", true, 0.08f));
        refused("\"mean\"", () -> new InputSpec(8, 8, 1, List.of(), List.of(1f), "dark", true, 0.08f));
        refused("\"std\"", () -> new InputSpec(8, 8, 3, List.of(0f), List.of(1f, 0f, 1f), "dark", true, 0.08f));
        refused("\"std\"", () -> new InputSpec(8, 8, 1, List.of(0f), List.of(Float.NaN), "dark", true, 0.08f));
    }

    @Test
    void aResizedSpecKeepsItsPreprocessingAndAveragesPerChannelValuesForGrey() {
        InputSpec colour = new InputSpec(28, 28, 3, List.of(0.1f, 0.2f, 0.3f), List.of(1f, 1f, 1f), "dark", true, 0.08f);
        InputSpec grey = colour.resized(40, 20, 1);
        assertEquals(40, grey.width());
        assertEquals(20, grey.height());
        assertEquals(0.2f, grey.mean(0), 1e-6f);
        assertEquals(colour.background(), grey.background());
        assertEquals(colour.objectThreshold(), grey.objectThreshold());
        assertEquals(InputSpec.fashionMnist().mean(), InputSpec.fashionMnist().resized(64, 64, 3).mean());
    }

    @Test
    void theShippedSpecsInputReadsAndWritesBackUnchanged() throws IOException {
        for (String model : List.of("fashion", "fashion-open-set")) {
            try (InputStream in = InputSpecTest.class.getResourceAsStream("/dev/lookalike/analyzer/models/" + model + "/spec.json")) {
                JsonNode shipped = JSON.readTree(in).get("input");
                InputSpec read = JSON.treeToValue(shipped, InputSpec.class);
                assertEquals(1, read.channels());
                assertEquals(shipped.toString(), JSON.writeValueAsString(read),
                        model + ": one mean and std are written as numbers");
            }
        }
    }

    @Test
    void perChannelValuesAreWrittenAsListsAndReadBack() throws IOException {
        InputSpec colour = new InputSpec(32, 16, 3, List.of(0.1f, 0.2f, 0.3f), List.of(0.5f, 0.6f, 0.7f), "dark", true, 0.08f);
        ObjectNode written = JSON.valueToTree(colour);
        assertTrue(written.get("mean").isArray(), written.toString());
        assertEquals(colour, JSON.treeToValue(written, InputSpec.class));
    }
}
