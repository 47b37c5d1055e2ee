package dev.lookalike.opensearch.query;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.query.SimilarityQuery;
import java.io.IOException;
import java.util.Objects;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * The {@code rerank} object of an {@code image_knn} query:
 * {@code {"proxies": true, "weight": 0.05, "temperature": 0.5}}. {@code proxies} switches re-ranking by proxy
 * agreement on (the default once the object is given); {@code weight} defaults to the node model's own
 * ({@code rerank_weight} in its bundle's spec), else to the core's {@link SimilarityQuery#DEFAULT_RERANK_WEIGHT},
 * and {@code temperature} to {@link SimilarityQuery#DEFAULT_RERANK_TEMPERATURE}. The core's rules check both
 * values.
 *
 * @param proxies     whether to re-rank by proxy agreement
 * @param weight      the weight of agreement, 0 to 1, or {@code null} for the model's default
 * @param temperature the softmax temperature, or {@code null} for the default
 */
public record RerankOptions(boolean proxies, Float weight, Float temperature) implements Writeable, ToXContentFragment {

    /** The object's name inside {@code image_knn}. */
    public static final String NAME = "rerank";

    /** Re-ranking off. */
    public static final RerankOptions OFF = new RerankOptions(false, null, null);

    /**
     * @throws IllegalArgumentException naming the option if the weight or temperature is out of range
     */
    public RerankOptions {
        try {
            if (weight != null) {
                SimilarityQuery.requireWeight("[image_knn][rerank][weight]", weight);
            }
            SimilarityQuery.requireTemperature("[image_knn][rerank][temperature]", temperature);
        } catch (SearchInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * @param in a stream written by {@link #writeTo}
     * @throws IOException if the stream fails
     */
    public RerankOptions(StreamInput in) throws IOException {
        this(in.readBoolean(), in.readOptionalFloat(), in.readOptionalFloat());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeBoolean(proxies);
        out.writeOptionalFloat(weight);
        out.writeOptionalFloat(temperature);
    }

    /**
     * @param parser a parser on the object's {@code START_OBJECT}
     * @return the options
     * @throws ParsingException         on an unknown field or a value of the wrong type
     * @throws IllegalArgumentException if a value is out of range
     * @throws IOException              if the parser fails
     */
    public static RerankOptions parse(XContentParser parser) throws IOException {
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][rerank] must be an object like "
                    + "{\"proxies\": true, \"weight\": 0.7}, got " + parser.currentToken());
        }
        boolean proxies = true;
        Float weight = null;
        Float temperature = null;
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            XContentParser.Token value = parser.nextToken();
            switch (name) {
                case "proxies" -> {
                    requireToken(parser, name, value, XContentParser.Token.VALUE_BOOLEAN, "true or false");
                    proxies = parser.booleanValue();
                }
                case "weight" -> {
                    requireToken(parser, name, value, XContentParser.Token.VALUE_NUMBER, "a number from 0 to 1");
                    weight = parser.floatValue();
                }
                case "temperature" -> {
                    requireToken(parser, name, value, XContentParser.Token.VALUE_NUMBER, "a positive number");
                    temperature = parser.floatValue();
                }
                default -> throw new ParsingException(parser.getTokenLocation(), "[image_knn][rerank] unknown field ["
                        + name + "]; expected proxies, weight or temperature");
            }
        }
        return new RerankOptions(proxies, weight, temperature);
    }

    private static void requireToken(XContentParser parser, String name, XContentParser.Token actual,
            XContentParser.Token expected, String what) {
        if (actual != expected) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][rerank][" + name + "] must be " + what
                    + ", got " + actual);
        }
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(NAME).field("proxies", proxies);
        if (weight != null) {
            builder.field("weight", weight);
        }
        if (temperature != null) {
            builder.field("temperature", temperature);
        }
        return builder.endObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RerankOptions r && proxies == r.proxies && Objects.equals(weight, r.weight)
                && Objects.equals(temperature, r.temperature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proxies, weight, temperature);
    }
}
