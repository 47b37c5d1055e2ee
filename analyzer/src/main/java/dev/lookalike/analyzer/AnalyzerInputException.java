package dev.lookalike.analyzer;

/**
 * Bad input to the analyzer: an image that cannot be decoded or breaks a limit, a dataset file of the
 * wrong format, a model bundle that is missing or damaged. The message always names the input (a file, a
 * dataset entry, a bundle) and says what was expected, so that it can be shown to a user as it is.
 */
public class AnalyzerInputException extends RuntimeException {

    private final String input;

    /**
     * @param input   what was wrong, as the user knows it: a path, {@code "image #12"}, a bundle name
     * @param problem what is wrong with it and what was expected
     */
    public AnalyzerInputException(String input, String problem) {
        super(input + ": " + problem);
        this.input = input;
    }

    /**
     * @param input   what was wrong, as the user knows it
     * @param problem what is wrong with it and what was expected
     * @param cause   the underlying failure
     */
    public AnalyzerInputException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
        this.input = input;
    }

    /** @return the input this error is about, as named in the message */
    public String input() {
        return input;
    }
}
