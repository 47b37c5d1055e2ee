package dev.lookalike.analyzer.train;

import java.util.List;

/**
 * How a training run goes. Two runs with the same config, data and seed give the same model on the same
 * machine.
 *
 * @param name              the model's name in its spec
 * @param classes           the labels to train on (others are left out: the open-set protocol); empty = all
 * @param epochs            passes over the training images
 * @param batchSize         images per batch, spread evenly over the classes
 * @param learningRate      Adam's base learning rate for the network, decayed along a cosine
 * @param proxyLearningRate Adam's base learning rate for the proxies
 * @param weightDecay       L2 weight decay of the network's parameters
 * @param temperature       the softmax temperature of the Proxy-NCA++ loss
 * @param instanceWeight    weight of the instance-discrimination term added to the loss (0: off); it
 *                          keeps the embedding informative for classes never seen in training
 * @param augment           whether to augment training images (flip, shift, scale, contrast)
 * @param erasing           probability that an augmented image also gets a random rectangle overwritten with
 *                          noise (random erasing, Zhong et al. 2020), so that no single region decides the
 *                          class; 0 turns it off, and it has no effect without {@code augment}
 * @param photoAugmentation probability that a training image is first turned into a simulated user's photo
 *                          (a random subset of the query-robustness evaluation's distortions, then the model's
 *                          preprocessing again; see {@code PhotoAugmenter}); 0 turns it off and leaves training
 *                          exactly as without it; independent of {@code augment}
 * @param photoJpeg         whether JPEG compression is among those distortions (it is the costliest of them)
 * @param seed              seeds initialisation, sampling and augmentation
 */
public record TrainingConfig(
        String name,
        List<Integer> classes,
        int epochs,
        int batchSize,
        float learningRate,
        float proxyLearningRate,
        float weightDecay,
        float temperature,
        float instanceWeight,
        boolean augment,
        float erasing,
        float photoAugmentation,
        boolean photoJpeg,
        long seed) {

    /** Checks the values are usable. */
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
        }
        if (!(learningRate > 0) || !(proxyLearningRate > 0)) {
            throw new IllegalArgumentException("learning rates must be positive");
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be zero or positive, got " + weightDecay);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (!(instanceWeight >= 0)) {
            throw new IllegalArgumentException("instance weight must be at least 0, got " + instanceWeight);
        }
        requireProbability("random erasing probability", erasing);
        requireProbability("photo augmentation probability", photoAugmentation);
        classes = List.copyOf(classes);
        if (classes.stream().distinct().count() != classes.size() || classes.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("classes must be distinct labels >= 0, got " + classes);
        }
    }

    /**
     * @param input how to name the value in the error, e.g. {@code --photo-augmentation}
     * @param p     a proposed probability
     * @throws IllegalArgumentException naming the input if {@code p} is not in [0, 1]
     */
    public static void requireProbability(String input, float p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(input + ": expected a probability from 0 to 1, got " + p);
        }
    }
}
