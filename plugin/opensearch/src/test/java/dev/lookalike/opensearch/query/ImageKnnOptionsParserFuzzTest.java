package dev.lookalike.opensearch.query;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.ExistsQueryBuilder;
import org.opensearch.index.query.MatchAllQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.RangeQueryBuilder;
import org.opensearch.index.query.TermQueryBuilder;
import org.opensearch.index.query.TermsQueryBuilder;

/**
 * Fuzzes {@link ImageKnnOptionsParser} with any bytes as the body of an {@code image_knn} query: the outcome
 * is options with a field and exactly one source, or an error OpenSearch answers with 400 — a
 * {@link ParsingException} or {@link IllegalArgumentException} whose message names the option
 * ({@code [image_knn]...}), or Jackson's own error for text that is not JSON — never another exception. The
 * filter's inner queries are parsed by a registry of the common filter queries (bool, term, terms, range,
 * exists, match_all), as on a node. The seeds are the queries of the OpenSearch docs and tests and the
 * issue's bad inputs (a 10,000-number vector, deeply nested JSON). The bytes are read as UTF-8 text, as a node
 * reads a JSON body: from raw bytes Jackson would guess UTF-16 or UTF-32 from the first four and fail before
 * the parser under test sees a token.
 */
class ImageKnnOptionsParserFuzzTest {

    private static final NamedXContentRegistry QUERIES = new NamedXContentRegistry(List.of(
            query(BoolQueryBuilder.NAME, BoolQueryBuilder::fromXContent),
            query(TermQueryBuilder.NAME, TermQueryBuilder::fromXContent),
            query(TermsQueryBuilder.NAME, TermsQueryBuilder::fromXContent),
            query(RangeQueryBuilder.NAME, RangeQueryBuilder::fromXContent),
            query(ExistsQueryBuilder.NAME, ExistsQueryBuilder::fromXContent),
            query(MatchAllQueryBuilder.NAME, MatchAllQueryBuilder::fromXContent)));

    private interface QueryParser {
        QueryBuilder parse(XContentParser parser) throws IOException;
    }

    private static NamedXContentRegistry.Entry query(String name, QueryParser parser) {
        return new NamedXContentRegistry.Entry(QueryBuilder.class, new ParseField(name), p -> parser.parse(p));
    }

    @FuzzTest
    @Timeout(10)
    void parseAnyBody(byte[] body) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(QUERIES,
                DeprecationHandler.IGNORE_DEPRECATIONS, new String(body, StandardCharsets.UTF_8))) {
            ImageKnnQueryBuilder.Options options;
            try {
                parser.nextToken();
                options = ImageKnnOptionsParser.parse(parser);
            } catch (JsonProcessingException notJson) {
                return;
            } catch (ParsingException | IllegalArgumentException refused) {
                if (!(refused.getCause() instanceof JsonProcessingException)) {
                    assertTrue(refused.getMessage() != null && refused.getMessage().contains("[image_knn]"),
                            "a refusal should name the option: " + refused.getMessage());
                }
                return;
            }
            assertNotNull(options.field);
            int sources = (options.image != null ? 1 : 0) + (options.vector != null ? 1 : 0)
                    + (options.like != null ? 1 : 0);
            assertTrue(sources == 1, "sources: " + sources);
        }
    }
}
