package dev.lookalike.solr.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.model.EmbeddedImage;
import dev.lookalike.analyzer.model.ProxyClassifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageBatchTest {

    /** A fake network: the embedding of input [x] is [2x], predicted "c" + x; records each forward pass. */
    private final List<Integer> passes = new ArrayList<>();

    private List<EmbeddedImage> embed(List<float[]> inputs) {
        passes.add(inputs.size());
        List<EmbeddedImage> out = new ArrayList<>();
        for (float[] in : inputs) {
            out.add(new EmbeddedImage(new float[] {2 * in[0]}, new ProxyClassifier.Prediction(0, "c" + (int) in[0], 1f)));
        }
        return out;
    }

    @Test
    void saysWhenFullAndEmbedsEachBatchInOnePassKeepingDocumentOrder() throws IOException {
        ImageBatch<String> batch = new ImageBatch<>(3);
        assertFalse(batch.add("a", new float[] {1}));
        assertFalse(batch.add("no-image", null));
        assertFalse(batch.add("b", new float[] {2}));
        assertTrue(batch.add("c", new float[] {3}), "three images fill a batch of three");
        List<String> seen = new ArrayList<>();
        batch.drain(this::embed, (doc, embedded) -> seen.add(doc + "=" + (embedded == null ? "none"
                : embedded.vector()[0] + "/" + embedded.predicted().name())));
        assertEquals(List.of("a=2.0/c1", "no-image=none", "b=4.0/c2", "c=6.0/c3"), seen);
        assertEquals(List.of(3), passes, "one forward pass for the batch");
        assertTrue(batch.isEmpty());
    }

    @Test
    void aBatchWithoutImagesPassesDocumentsOnWithoutAForwardPass() throws IOException {
        ImageBatch<String> batch = new ImageBatch<>(2);
        batch.add("x", null);
        List<String> seen = new ArrayList<>();
        batch.drain(this::embed, (doc, embedded) -> {
            assertNull(embedded);
            seen.add(doc);
        });
        assertEquals(List.of("x"), seen);
        assertTrue(passes.isEmpty());
    }

    @Test
    void isEmptyAfterASinkFailure() {
        ImageBatch<String> batch = new ImageBatch<>(5);
        batch.add("a", new float[] {1});
        try {
            batch.drain(this::embed, (doc, embedded) -> {
                throw new IOException("downstream");
            });
        } catch (IOException expected) {
            assertEquals("downstream", expected.getMessage());
        }
        assertTrue(batch.isEmpty());
    }
}
