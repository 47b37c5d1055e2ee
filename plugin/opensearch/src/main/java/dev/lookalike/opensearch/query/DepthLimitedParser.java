package dev.lookalike.opensearch.query;

import java.io.IOException;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.core.xcontent.XContentSubParser;

/**
 * A parser over one object of a request that refuses to go deeper than a bound, so that a filter nested a
 * thousand levels deep is a 400 naming the option instead of a {@link StackOverflowError} in the query parsers'
 * recursion (found by fuzzing {@code image_knn}: 300 nested {@code bool} queries overflowed a 1 MiB thread
 * stack, docs/hardening.md). Named objects (the inner queries) are parsed through this parser too, so the bound
 * holds at every level. Costs a counter per token.
 */
final class DepthLimitedParser extends XContentSubParser {

    private final String option;
    private final int maxDepth;
    private int depth = 1;

    /**
     * @param parser   a parser on the object's {@code START_OBJECT}
     * @param option   the option's path for messages, e.g. {@code [image_knn][filter]}
     * @param maxDepth how many objects and arrays deep the value may go, itself included
     */
    DepthLimitedParser(XContentParser parser, String option, int maxDepth) {
        super(parser);
        this.option = option;
        this.maxDepth = maxDepth;
    }

    @Override
    public Token nextToken() throws IOException {
        Token token = super.nextToken();
        if (token == Token.START_OBJECT || token == Token.START_ARRAY) {
            if (++depth > maxDepth) {
                throw new ParsingException(getTokenLocation(), option + " is nested deeper than " + maxDepth
                        + " objects and arrays");
            }
        } else if (token == Token.END_OBJECT || token == Token.END_ARRAY) {
            depth--;
        }
        return token;
    }

    @Override
    public <T> T namedObject(Class<T> categoryClass, String name, Object context) throws IOException {
        return getXContentRegistry().parseNamedObject(categoryClass, name, this, context);
    }
}
