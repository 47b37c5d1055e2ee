package dev.lookalike.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.model.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkStagesTest {

    @Test
    void stagesParseIntoTheDefaultNetworkWithOtherChannels() {
        NetworkSpec spec = TrainCommand.parseStages("32|64,64|128, 128");
        assertEquals(List.of(List.of(32), List.of(64, 64), List.of(128, 128)), spec.stages());
        assertEquals(NetworkSpec.fashionDefault().embeddingSize(), spec.embeddingSize());
    }

    @Test
    void emptyStagesAndBadChannelsAreRefusedWithTheValue() {
        for (String bad : new String[] {"32||64", "32|x", "0|64", "32|64,", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainCommand.parseStages(bad));
            assertTrue(e.getMessage().contains("--stages"), e.getMessage());
        }
    }
}
