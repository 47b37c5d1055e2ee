package dev.lookalike.tools.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTP to one search-engine node (OpenSearch or Solr), for the command line's benchmarks: each call
 * sends a request and returns the answer parsed, or throws with the node's own error message (OpenSearch's
 * {@code error.reason}, Solr's {@code error.msg}). HTTP/1.1, as both engines' clients speak it. Thread-safe.
 */
public final class NodeHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String engine;
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param engine  the engine's name, for messages, e.g. {@code OpenSearch}
     * @param base    the node's address, e.g. {@code http://localhost:9200}
     * @param timeout how long one request may take
     */
    public NodeHttp(String engine, URI base, Duration timeout) {
        this.engine = engine;
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Checks a node address given with {@code --url}.
     *
     * @param url the address
     * @throws IllegalArgumentException naming {@code --url} unless it is an http(s) address with a host
     */
    public static void requireNodeAddress(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http(s) address like http://localhost:9200, got " + url);
        }
    }

    /**
     * An answer: its HTTP status and its body as JSON.
     *
     * @param status the HTTP status
     * @param body   the body ({@code MissingNode} when empty or not JSON)
     */
    public record Answer(int status, JsonNode body) {

        /** @return whether the status is 2xx */
        public boolean ok() {
            return status / 100 == 2;
        }

        /** @return the node's error reason (OpenSearch) or message (Solr), or the body */
        public String reason() {
            JsonNode error = body.path("error");
            JsonNode reason = error.has("reason") ? error.path("reason") : error.path("msg");
            return reason.isMissingNode() ? body.toString() : reason.asText();
        }
    }

    /**
     * @param method the HTTP method
     * @param path   a path with its query, e.g. {@code /_cat/plugins?format=json}
     * @param body   a body ({@code application/x-ndjson} when the path ends in {@code _bulk}), or {@code null}
     * @return the answer, whatever its status
     * @throws IOException if the node cannot be reached; the message names its address
     */
    public Answer send(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + base, e);
        } catch (IOException e) {
            throw new IOException("cannot reach " + engine + " at " + base + ": " + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), json);
    }

    /**
     * Like {@link #send}, but a non-2xx answer is an error.
     *
     * @param method the HTTP method
     * @param path   the path, from the node's root
     * @param body   the JSON body, or {@code null} for none
     * @return the answer's body
     * @throws IOException naming the request and the node's reason if the answer is not 2xx
     */
    public JsonNode expectOk(String method, String path, String body) throws IOException {
        Answer answer = send(method, path, body);
        if (!answer.ok()) {
            throw new IOException(method + " " + path + " answered " + answer.status() + ": " + answer.reason());
        }
        return answer.body();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
