package dev.lookalike.e2e.opensearch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP answer from the node.
 *
 * @param status the HTTP status
 * @param body   the body parsed as JSON ({@code MissingNode} when it is not JSON)
 * @param text   the body as text, for failure messages
 */
public record JsonResponse(int status, JsonNode body, String text) {

    /** @return the {@code error.reason} of an OpenSearch error body, or an empty string */
    public String errorReason() {
        return body.path("error").path("reason").asText("");
    }

    @Override
    public String toString() {
        return status + " " + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
    }
}
