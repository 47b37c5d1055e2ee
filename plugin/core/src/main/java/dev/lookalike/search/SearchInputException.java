package dev.lookalike.search;

/**
 * Bad input to the search core: a catalogue line that is not a valid item, an item whose vector has the
 * wrong dimension or non-finite parts, a query option out of range, a filter on a field the index does not
 * have. The message always names the input (a catalogue line, an item id and field, a query option) and
 * says what was expected, so that an adapter can return it to its user as it is. Anything that is not the
 * caller's fault (an unreadable index, a full disk) surfaces as {@link java.io.IOException} instead.
 */
public class SearchInputException extends RuntimeException {

    private final String input;

    /**
     * @param input   what was wrong, as the user knows it: {@code "catalogue.jsonl line 7"},
     *                {@code "item sku-1 field vector"}, {@code "query option k"}
     * @param problem what is wrong with it and what was expected
     */
    public SearchInputException(String input, String problem) {
        super(input + ": " + problem);
        this.input = input;
    }

    /**
     * @param input   what was wrong, as the user knows it
     * @param problem what is wrong with it and what was expected
     * @param cause   the underlying failure
     */
    public SearchInputException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
        this.input = input;
    }

    /** @return the input this error is about, as named in the message */
    public String input() {
        return input;
    }
}
