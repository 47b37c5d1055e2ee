package dev.lookalike.tools.search;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * One query of {@code lookalike search}, as the user gave it: an image file, an indexed item's id, or a raw
 * vector. Rendered in every output so that results can be matched to their query.
 */
public sealed interface QueryInput {

    /** @return the query as the user knows it, for tables and headings */
    String describe();

    /** @return the query as a JSON object: {@code {"image": …}}, {@code {"id": …}} or {@code {"vector": […]}} */
    ObjectNode toJson();

    /**
     * An image file to embed.
     *
     * @param file the file
     * @param from the option or list line it came from, for error messages
     */
    record Image(Path file, String from) implements QueryInput {
        @Override
        public String describe() {
            return "image " + file;
        }

        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("image", file.toString());
        }
    }

    /**
     * An indexed item, "more like this": its stored vector is the query and it is left out of the results.
     *
     * @param id the item's id
     */
    record Item(String id) implements QueryInput {
        @Override
        public String describe() {
            return "item " + id;
        }

        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("id", id);
        }
    }

    /**
     * A vector given on the command line; normalised by the searcher.
     *
     * @param vector the parts
     */
    record Vector(float[] vector) implements QueryInput {
        @Override
        public String describe() {
            return "vector (" + vector.length + "-d)";
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            var parts = node.putArray("vector");
            for (float x : vector) {
                parts.add(x);
            }
            return node;
        }
    }
}
