package dev.lookalike.analyzer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lookalike.analyzer.preprocess.InputSpec;

/**
 * DJL's pre- and post-processing around the embedding network: a preprocessed input becomes a
 * {@code (channels, height, width)} tensor, batches are stacked by DJL, and each raw output is
 * L2-normalised into the embedding. Decoding and preprocessing happen before, in Java, so that a batch
 * can be prepared on other threads while the network runs.
 */
final class EmbeddingTranslator implements Translator<float[], float[]> {

    private final Shape inputShape;

    EmbeddingTranslator(InputSpec input) {
        this.inputShape = new Shape(input.channels(), input.height(), input.width());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
        return new NDList(ctx.getNDManager().create(input, inputShape));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return VectorMath.normalize(list.singletonOrThrow().toFloatArray());
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
