package dev.lookalike.opensearch.query;

import java.io.IOException;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;

/**
 * The {@code like} object of an {@code image_knn} query, {@code {"index": "catalogue", "id": "sku-1"}}: the
 * indexed document whose vector is the query ("more like this"). That document is left out of the results.
 *
 * @param index the document's index
 * @param id    its {@code _id}
 */
public record LikeDocument(String index, String id) implements Writeable {

    /** The object's name inside {@code image_knn}. */
    public static final String NAME = "like";

    /**
     * @param in a stream written by {@link #writeTo}
     * @throws IOException if the stream fails
     */
    public LikeDocument(StreamInput in) throws IOException {
        this(in.readString(), in.readString());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(index);
        out.writeString(id);
    }

    /**
     * @param parser a parser on the object's {@code START_OBJECT}
     * @return the document's coordinates
     * @throws ParsingException if a field is unknown, missing, empty or not a string
     * @throws IOException      if the parser fails
     */
    public static LikeDocument parse(XContentParser parser) throws IOException {
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new ParsingException(parser.getTokenLocation(),
                    "[image_knn][like] must be an object {\"index\": \"...\", \"id\": \"...\"}, got " + parser.currentToken());
        }
        String index = null;
        String id = null;
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            XContentParser.Token value = parser.nextToken();
            if (value != XContentParser.Token.VALUE_STRING || parser.text().isBlank()) {
                throw new ParsingException(parser.getTokenLocation(), "[image_knn][like][" + name
                        + "] must be a non-empty string, got " + value);
            }
            switch (name) {
                case "index" -> index = parser.text();
                case "id" -> id = parser.text();
                default -> throw new ParsingException(parser.getTokenLocation(), "[image_knn][like] unknown field ["
                        + name + "]; expected index and id");
            }
        }
        if (index == null || id == null) {
            throw new ParsingException(parser.getTokenLocation(), "[image_knn][like] needs both [index] and [id]");
        }
        return new LikeDocument(index, id);
    }
}
