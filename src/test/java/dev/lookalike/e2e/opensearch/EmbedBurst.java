package dev.lookalike.e2e.opensearch;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Many {@code _embed} requests sent at once to one node, their answers grouped by HTTP status. */
final class EmbedBurst {

    private static final String EMBED = "/_plugins/lookalike/_embed";

    private EmbedBurst() {
    }

    /**
     * @param node  the node
     * @param body  the request body, sent as it is each time
     * @param count how many requests, all in flight together
     * @return the answers' bodies by status
     */
    static Map<Integer, List<String>> send(OpenSearchNode node, String body, int count) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(node.client().sendAsync(HttpRequest.newBuilder(node.uri().resolve(EMBED))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> future : answers) {
            HttpResponse<String> answer = future.join();
            byStatus.computeIfAbsent(answer.statusCode(), s -> new ArrayList<>()).add(answer.body());
        }
        return byStatus;
    }
}
