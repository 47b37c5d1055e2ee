package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.lookalike.analyzer.eval.RetrievalEvaluator;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.analyzer.preprocess.InputSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The evaluation after each epoch: embeds held-out images in inference mode (batch normalisation's running
 * statistics, no dropout) and measures how often the nearest proxy is an image's class and the
 * leave-one-out Recall@1. Costs one forward pass over the held-out images and an exact ranking.
 */
final class HeldOutEvaluator {

    private final InputSpec input;
    private final int dimension;

    HeldOutEvaluator(InputSpec input, int dimension) {
        this.input = input;
        this.dimension = dimension;
    }

    /**
     * Returns {proxy accuracy over trained classes, leave-one-out recall@1}; recall@1 is NaN when no two
     * held-out images share a class, as no query then has an image to find.
     */
    double[] evaluate(ProxyNcaBlock block, PreparedImages eval, List<Integer> classes, NDManager parent) {
        float[][] embeddings = embed(block.embedding(), eval, parent);
        float[][] proxies = block.unitProxies();
        int correct = 0;
        int counted = 0;
        for (int i = 0; i < embeddings.length; i++) {
            int label = classes.indexOf(eval.labels()[i]);
            if (label < 0) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < proxies.length; c++) {
                if (VectorMath.dot(embeddings[i], proxies[c]) > VectorMath.dot(embeddings[i], proxies[best])) {
                    best = c;
                }
            }
            counted++;
            correct += best == label ? 1 : 0;
        }
        double proxyAccuracy = counted == 0 ? Double.NaN : (double) correct / counted;
        double recallAt1 = !anyLabelTwice(eval.labels()) ? Double.NaN
                : new RetrievalEvaluator(List.of(1)).evaluateLeaveOneOut(embeddings, eval.labels()).recallAtK().get(1);
        return new double[] {proxyAccuracy, recallAt1};
    }

    private static boolean anyLabelTwice(int[] labels) {
        Set<Integer> seen = new HashSet<>();
        for (int label : labels) {
            if (!seen.add(label)) {
                return true;
            }
        }
        return false;
    }

    private float[][] embed(Block embedding, PreparedImages eval, NDManager parent) {
        float[][] out = HeadOutputs.compute(embedding, eval, input, dimension, parent, done -> { });
        for (float[] row : out) {
            VectorMath.normalize(row);
        }
        return out;
    }
}
