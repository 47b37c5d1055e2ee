package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.analyzer.model.VectorMath;
import java.util.SplittableRandom;

/**
 * A memory bank of one unit vector per training image, for instance discrimination (Wu et al., 2018):
 * each image must be told apart from every other one, which keeps information that the class labels alone
 * would let the network throw away, and that is what classes never seen in training need. Entries follow
 * the image's embeddings with momentum; they are constants to the optimizer, not learned parameters.
 */
final class InstanceMemory {

    private final float[] bank;
    private final int dimension;
    private final float momentum;

    /**
     * @param instances how many training images
     * @param dimension the embedding dimension
     * @param momentum  how much of an entry's old value stays at each update, in [0, 1)
     * @param seed      seeds the random initial entries
     */
    InstanceMemory(int instances, int dimension, float momentum, long seed) {
        this.bank = new float[instances * dimension];
        this.dimension = dimension;
        this.momentum = momentum;
        SplittableRandom random = new SplittableRandom(seed);
        float[] row = new float[dimension];
        for (int i = 0; i < instances; i++) {
            for (int d = 0; d < dimension; d++) {
                row[d] = (float) random.nextGaussian();
            }
            System.arraycopy(VectorMath.normalize(row), 0, bank, i * dimension, dimension);
        }
    }

    /**
     * @param manager where to create the array (close it with the batch)
     * @return the bank as an {@code (instances, dimension)} array
     */
    NDArray asArray(NDManager manager) {
        return manager.create(bank, new Shape(bank.length / dimension, dimension));
    }

    /** @return a copy of the bank, row-major {@code (instances, dimension)}, for a checkpoint */
    float[] entries() {
        return bank.clone();
    }

    /**
     * @param entries a bank saved by {@link #entries()} of a memory of the same size
     * @throws IllegalArgumentException if the size differs
     */
    void restore(float[] entries) {
        if (entries.length != bank.length) {
            throw new IllegalArgumentException("a memory of " + entries.length + " values, this one holds "
                    + bank.length);
        }
        System.arraycopy(entries, 0, bank, 0, bank.length);
    }

    /**
     * Moves the entries of a batch's images towards their new embeddings.
     *
     * @param instances  the images' indices
     * @param embeddings their unit embeddings, row-major {@code (batch, dimension)}
     */
    void update(int[] instances, float[] embeddings) {
        float[] row = new float[dimension];
        for (int j = 0; j < instances.length; j++) {
            int offset = instances[j] * dimension;
            for (int d = 0; d < dimension; d++) {
                row[d] = momentum * bank[offset + d] + (1 - momentum) * embeddings[j * dimension + d];
            }
            System.arraycopy(VectorMath.normalize(row), 0, bank, offset, dimension);
        }
    }
}
