package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which images of a folder a training run held out to evaluate on, recorded in the bundle's spec so that
 * {@code eval --held-out} can query with exactly those images later: the split {@code
 * HeldOutSplit.stratified(folder, fraction, seed)} gives, which held out {@code images} images whose names hash
 * to {@code namesSha256} when the run trained (a different hash means the folder has changed since, and the split
 * with it).
 *
 * @param fraction    the share of each category held out, above 0 and below 1
 * @param seed        the split's seed
 * @param images      how many images were held out
 * @param namesSha256 the SHA-256 of the held-out images' names, in order, one per line (hex)
 */
public record HeldOutProvenance(
        @JsonProperty("fraction") double fraction,
        @JsonProperty("seed") long seed,
        @JsonProperty("images") int images,
        @JsonProperty("names_sha256") String namesSha256) {
}
