package dev.lookalike.tools.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an index against a soak's ledger once the load has stopped: every document whose last acknowledged write
 * was not a delete must be found, as last written (revision, title, category, image, and a vector); every document
 * whose last acknowledged write was a delete must be gone; and after a refresh, {@code _count} must lie between
 * the documents expected present and those plus the uncertain ones. Documents are fetched with {@code _mget},
 * {@value #CHUNK} at a time.
 */
final class SoakVerifier {

    static final int CHUNK = 500;
    /** How many problems the report names. */
    static final int NAMED_PROBLEMS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SoakVerifier() {
    }

    /**
     * @param http   a node
     * @param index  the soak's index
     * @param ledger what the node acknowledged
     * @return the verification
     * @throws IOException if the node fails a request
     */
    static SoakResult.Verification verify(NodeHttp http, String index, WriteLedger ledger) throws IOException {
        Map<String, WriteLedger.Expected> expected = ledger.documents();
        http.expectOk("POST", "/" + index + "/_refresh", null);
        Map<String, JsonNode> found = new HashMap<>();
        List<String> ids = new ArrayList<>(expected.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            ObjectNode body = JSON.createObjectNode();
            ids.subList(from, Math.min(ids.size(), from + CHUNK)).forEach(body.putArray("ids")::add);
            JsonNode answer = http.expectOk("POST", "/" + index + "/_mget", JSON.writeValueAsString(body));
            for (JsonNode doc : answer.path("docs")) {
                if (doc.path("found").asBoolean()) {
                    found.put(doc.path("_id").asText(), doc.path("_source"));
                }
            }
        }
        long count = http.expectOk("GET", "/" + index + "/_count", null).path("count").asLong();
        return compare(expected, ledger.uncertainIds(), found, count);
    }

    /**
     * @param expected  every acknowledged document's expected state
     * @param uncertain documents not to check
     * @param found     the sources of the documents found, by id
     * @param count     the index's document count
     * @return the verification
     */
    static SoakResult.Verification compare(Map<String, WriteLedger.Expected> expected, Set<String> uncertain,
            Map<String, JsonNode> found, long count) {
        long present = 0;
        long deleted = 0;
        long lost = 0;
        long stale = 0;
        long resurrected = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, WriteLedger.Expected> e : expected.entrySet()) {
            String id = e.getKey();
            if (uncertain.contains(id)) {
                continue;
            }
            WriteLedger.Expected want = e.getValue();
            JsonNode source = found.get(id);
            if (want.deleted()) {
                deleted++;
                if (source != null) {
                    resurrected++;
                    name(problems, id + " was deleted (acknowledged) and is still there: " + source.path("title"));
                }
                continue;
            }
            present++;
            if (source == null) {
                lost++;
                name(problems, id + " rev " + want.rev() + " was acknowledged and is not there");
            } else if (!matches(want, source)) {
                stale++;
                name(problems, id + " should be rev " + want.rev() + " \"" + want.title() + "\" (image "
                        + want.image() + "), is rev " + source.path("rev") + " " + source.path("title") + " (image "
                        + source.path("image") + ", a vector of " + source.path("embedding").size() + ")");
            }
        }
        boolean countOk = count >= present && count <= present + uncertain.size();
        if (!countOk) {
            name(problems, "_count is " + count + "; " + present + " documents are expected, and "
                    + uncertain.size() + " more may be there");
        }
        return new SoakResult.Verification(expected.size(), present, deleted, uncertain.size(), lost, stale,
                resurrected, count, problems, lost == 0 && stale == 0 && resurrected == 0 && countOk);
    }

    private static boolean matches(WriteLedger.Expected want, JsonNode source) {
        return source.path("rev").asLong() == want.rev() && want.title().equals(source.path("title").asText())
                && want.category().equals(source.path("category").asText())
                && source.path("image").asInt(-1) == want.image() && source.path("embedding").size() > 0;
    }

    private static void name(List<String> problems, String problem) {
        if (problems.size() < NAMED_PROBLEMS) {
            problems.add(problem);
        }
    }
}
