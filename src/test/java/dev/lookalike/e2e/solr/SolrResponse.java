package dev.lookalike.e2e.solr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP answer from a Solr node.
 *
 * @param status the HTTP status
 * @param body   the body parsed as JSON ({@code MissingNode} when it is not JSON)
 * @param text   the body as text, for failure messages
 */
public record SolrResponse(int status, JsonNode body, String text) {

    /** @return the {@code error.msg} of a Solr error body, or an empty string */
    public String errorMessage() {
        return body.path("error").path("msg").asText("");
    }

    /** @return the {@code response.docs} array of a search answer ({@code MissingNode} if there is none) */
    public JsonNode docs() {
        return body.path("response").path("docs");
    }

    @Override
    public String toString() {
        return status + " " + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
    }
}
