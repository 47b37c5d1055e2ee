package dev.lookalike.analyzer.image;

/**
 * An image refused because the images being decoded at once already take the node's {@link PixelBudget}: not bad
 * input (the same image will go through when the node is less busy), so servers answer it as "too many requests".
 */
public final class PixelBudgetExceededException extends RuntimeException {

    /** @param message what was refused and why, naming the image */
    public PixelBudgetExceededException(String message) {
        super(message);
    }
}
