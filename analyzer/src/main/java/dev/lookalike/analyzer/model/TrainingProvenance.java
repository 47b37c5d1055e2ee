package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a bundle was trained on and how, kept in its spec so that figures can be traced to a run.
 *
 * @param dataset       the dataset's name, e.g. {@code fashion-mnist}
 * @param split         the split trained on, e.g. {@code train}
 * @param classesSeen   the labels trained on (the others are unseen: open-set evaluation)
 * @param images        how many training images
 * @param epochs        epochs run
 * @param batchSize     images per batch
 * @param learningRate  the network's base learning rate (Adam, cosine schedule)
 * @param proxyLearningRate the proxies' learning rate
 * @param temperature   the softmax temperature of the Proxy-NCA++ loss
 * @param weightDecay   the network's weight decay (0 in bundles written before it was recorded)
 * @param instanceWeight the weight of the instance-discrimination term (0: off)
 * @param randomErasing the probability of random erasing in augmentation (0: off)
 * @param photoAugmentation the probability that a training image was turned into a simulated user's photo
 *                      first (0: off, and in bundles written before it was recorded)
 * @param photoDistortions the distortions those photos drew a subset from, as {@code eval --queries} names
 *                      them; empty or absent when off
 * @param seed          the seed that makes the run repeatable
 * @param trainedAt     when the run ended, ISO-8601
 * @param seconds       wall-clock seconds the run took
 * @param startedFrom   the bundle this run fine-tuned, with its own provenance; {@code null} for a random start
 * @param heldOut       the images of a folder the run held out to evaluate on; {@code null} when none were (a
 *                      Fashion-MNIST split, {@code --held-out 0}, or bundles written before it was recorded)
 */
public record TrainingProvenance(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("split") String split,
        @JsonProperty("classes_seen") List<Integer> classesSeen,
        @JsonProperty("images") int images,
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("learning_rate") float learningRate,
        @JsonProperty("proxy_learning_rate") float proxyLearningRate,
        @JsonProperty("temperature") float temperature,
        @JsonProperty("weight_decay") float weightDecay,
        @JsonProperty("instance_weight") float instanceWeight,
        @JsonProperty("random_erasing") float randomErasing,
        @JsonProperty("photo_augmentation") float photoAugmentation,
        @JsonProperty("photo_distortions") List<String> photoDistortions,
        @JsonProperty("seed") long seed,
        @JsonProperty("trained_at") String trainedAt,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("started_from") ModelSpec startedFrom,
        @JsonProperty("held_out") HeldOutProvenance heldOut) {

    /**
     * @param held the images the run held out
     * @return this provenance recording them
     */
    public TrainingProvenance withHeldOut(HeldOutProvenance held) {
        return new TrainingProvenance(dataset, split, classesSeen, images, epochs, batchSize, learningRate,
                proxyLearningRate, temperature, weightDecay, instanceWeight, randomErasing, photoAugmentation,
                photoDistortions, seed, trainedAt, seconds, startedFrom, held);
    }
}
