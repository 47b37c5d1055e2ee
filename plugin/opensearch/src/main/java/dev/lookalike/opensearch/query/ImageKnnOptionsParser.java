package dev.lookalike.opensearch.query;

import dev.lookalike.opensearch.mapper.VectorValues;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.query.SimilarityQuery;
import java.io.IOException;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;

/**
 * Reads the body of an {@code image_knn} query into {@link ImageKnnQueryBuilder.Options}, refusing unknown
 * fields, values of the wrong type, {@code k} and {@code num_candidates} outside the core's limits, and a
 * body with other than exactly one of {@code image}, {@code vector} and {@code like}, and a filter nested
 * deeper than {@value #MAX_FILTER_DEPTH} objects and arrays. Every message starts
 * with the option's path, e.g. {@code [image_knn][k]}.
 */
final class ImageKnnOptionsParser {

    /** How deep a filter may nest objects and arrays: about 30 levels of {@code bool}, more than any real filter. */
    static final int MAX_FILTER_DEPTH = 100;

    private ImageKnnOptionsParser() {
    }

    static ImageKnnQueryBuilder.Options parse(XContentParser parser) throws IOException {
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn] must be an object, got "
                    + parser.currentToken());
        }
        ImageKnnQueryBuilder.Options o = new ImageKnnQueryBuilder.Options();
        int sources = 0;
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT; t = parser.nextToken()) {
            if (t != XContentParser.Token.FIELD_NAME) {
                throw new ParsingException(parser.getTokenLocation(), "[image_knn] malformed body at " + t);
            }
            String name = parser.currentName();
            XContentParser.Token value = parser.nextToken();
            switch (name) {
                case "field" -> o.field = string(parser, name, value);
                case "image" -> {
                    o.image = string(parser, name, value);
                    sources++;
                }
                case "vector" -> {
                    o.vector = VectorValues.read(parser, "[image_knn][vector]");
                    sources++;
                }
                case "like" -> {
                    o.like = LikeDocument.parse(parser);
                    sources++;
                }
                case "k" -> o.k = integer(parser, name, value);
                case "num_candidates" -> o.numCandidates = integer(parser, name, value);
                case "filter" -> {
                    if (value != XContentParser.Token.START_OBJECT) {
                        throw new ParsingException(parser.getTokenLocation(), "[image_knn][filter] must be a query "
                                + "object, got " + value);
                    }
                    o.filter = filter(parser);
                }
                case "min_score" -> o.minScore = number(parser, name, value);
                case "rerank" -> o.rerank = RerankOptions.parse(parser);
                case "ignore_unmapped" -> o.ignoreUnmapped = bool(parser, name, value);
                case "boost" -> o.boost = number(parser, name, value);
                case "_name" -> o.queryName = string(parser, name, value);
                default -> throw new ParsingException(parser.getTokenLocation(), "[image_knn] unknown field [" + name
                        + "]; expected field, image, vector, like, k, num_candidates, filter, min_score, rerank, "
                        + "ignore_unmapped, boost or _name");
            }
        }
        if (o.field == null) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn] requires [field], the image_vector field");
        }
        if (sources != 1) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn] requires exactly one of [image], "
                    + "[vector] and [like], got " + sources);
        }
        try {
            SimilarityQuery.requireK("[image_knn][k]", o.k);
            if (o.numCandidates != null) {
                SimilarityQuery.requireCandidates("[image_knn][num_candidates]", o.k, o.numCandidates);
            }
        } catch (SearchInputException e) {
            throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
        }
        return o;
    }

    /**
     * Parses the filter through a {@link DepthLimitedParser}; the query parsers' refusals, which wrap each other
     * level by level ({@code [bool] failed to parse field [must]}), become one that names the option and
     * says what the innermost one said.
     */
    private static QueryBuilder filter(XContentParser parser) throws IOException {
        try {
            return AbstractQueryBuilder.parseInnerQueryBuilder(
                    new DepthLimitedParser(parser, "[image_knn][filter]", MAX_FILTER_DEPTH));
        } catch (ParsingException | IllegalArgumentException e) {
            Throwable innermost = e;
            while (innermost.getCause() != null && innermost.getCause() != innermost) {
                innermost = innermost.getCause();
            }
            String reason = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
            if (reason.startsWith("[image_knn]")) {
                throw new ParsingException(parser.getTokenLocation(), reason, e);
            }
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][filter] is not a valid query: " + reason, e);
        }
    }

    private static String string(XContentParser parser, String name, XContentParser.Token value) throws IOException {
        if (value != XContentParser.Token.VALUE_STRING || parser.text().isBlank()) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][" + name
                    + "] must be a non-empty string, got " + value);
        }
        return parser.text();
    }

    private static int integer(XContentParser parser, String name, XContentParser.Token value) throws IOException {
        if (value != XContentParser.Token.VALUE_NUMBER || parser.numberType() != XContentParser.NumberType.INT) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][" + name + "] must be an integer, got "
                    + (value == XContentParser.Token.VALUE_NUMBER ? parser.text() : value));
        }
        return parser.intValue();
    }

    private static float number(XContentParser parser, String name, XContentParser.Token value) throws IOException {
        if (value != XContentParser.Token.VALUE_NUMBER) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][" + name + "] must be a number, got "
                    + value);
        }
        return parser.floatValue();
    }

    private static boolean bool(XContentParser parser, String name, XContentParser.Token value) throws IOException {
        if (value != XContentParser.Token.VALUE_BOOLEAN) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][" + name + "] must be true or false, got "
                    + value);
        }
        return parser.booleanValue();
    }
}
