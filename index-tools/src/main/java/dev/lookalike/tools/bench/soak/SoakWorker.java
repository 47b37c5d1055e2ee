package dev.lookalike.tools.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One client thread of the soak: until the deadline, it draws an operation by weight (or runs the proxy refresh
 * when the schedule says it is due) and sends it. It writes only its own documents ({@code w<thread>-<n>}), one
 * request at a time, so that its ledger entries are in the order the node applied them; searches {@code like} a
 * document use its own live documents, so that a 404 there is a lost document, not a race with another thread.
 * Once it holds its share of the documents, each ingest bulk also deletes as many of them as it adds, so that
 * the index keeps its size and the heap its work.
 */
final class SoakWorker implements Runnable {

    private final int thread;
    private final RetryingClient client;
    private final OperationCounters counters;
    private final WriteLedger ledger;
    private final SoakRequests requests;
    private final List<float[]> vectors;
    private final SoakPlan plan;
    private final ProxyRefreshSchedule refreshes;
    private final SplittableRandom random;
    private final List<String> categories;
    private final List<String> live = new ArrayList<>();
    private int next;

    /**
     * @param thread    the thread's number, which names its documents
     * @param client    the client to send through
     * @param counters  where operations are counted
     * @param ledger    where acknowledged writes go
     * @param requests  the request bodies
     * @param vectors   query vectors for searches by vector
     * @param plan      bulk size, documents per thread and the deadline
     * @param refreshes when proxy refreshes are due
     * @param seed      the thread's random seed
     */
    SoakWorker(int thread, RetryingClient client, OperationCounters counters, WriteLedger ledger,
            SoakRequests requests, List<float[]> vectors, SoakPlan plan, ProxyRefreshSchedule refreshes, long seed) {
        this.thread = thread;
        this.client = client;
        this.counters = counters;
        this.ledger = ledger;
        this.requests = requests;
        this.vectors = vectors;
        this.plan = plan;
        this.refreshes = refreshes;
        this.random = new SplittableRandom(seed);
        this.categories = requests.categories();
    }

    @Override
    public void run() {
        while (System.nanoTime() < plan.deadlineNanos() && !Thread.currentThread().isInterrupted()) {
            SoakOperation op = refreshes.claim() ? SoakOperation.PROXY_REFRESH
                    : live.isEmpty() ? SoakOperation.INGEST : SoakOperation.draw(random);
            try {
                run(op);
            } catch (IOException e) {
                counters.failed(op, "no answer: " + e.getMessage());
            }
        }
    }

    private void run(SoakOperation op) throws IOException {
        switch (op) {
            case INGEST -> ingest();
            case UPDATE -> update();
            case DELETE -> delete();
            case SEARCH_BY_IMAGE -> search(op, requests.searchByImage(randomImage(), randomCategory()));
            case SEARCH_BY_VECTOR -> search(op, requests.searchByVector(vectors.get(random.nextInt(vectors.size()))));
            case SEARCH_LIKE -> search(op, requests.searchLike(randomLive(), randomCategory()));
            case PROXY_REFRESH -> expect200(op, "POST", "/" + requests.index() + "/_plugins/lookalike/proxies/_refresh",
                    SoakRequests.proxyRefresh());
        }
    }

    /** A bulk of new documents through the pipeline, and as many deletes once this thread holds its share. */
    private void ingest() throws IOException {
        List<BulkAction> pending = new ArrayList<>();
        for (int i = 0; i < plan.bulkSize(); i++) {
            String id = "w" + thread + "-" + next++;
            pending.add(BulkAction.index(id, requests.expected(id, 1, randomImage())));
        }
        for (int i = 0; i < plan.bulkSize() && live.size() > plan.documentsPerThread(); i++) {
            pending.add(BulkAction.delete(takeLive()));
        }
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                RetryingClient.backOff(attempt - 1);
            }
            pending = bulk(pending, attempt == RetryingClient.MAX_RETRIES);
        }
    }

    /** Sends the actions; returns those the node answered 429, to be sent again. */
    private List<BulkAction> bulk(List<BulkAction> actions, boolean lastTry) throws IOException {
        StringBuilder body = new StringBuilder();
        actions.forEach(a -> a.appendTo(body, requests));
        String path = "/" + requests.index() + "/_bulk?pipeline=" + requests.pipeline();
        NodeHttp.Answer answer;
        try {
            answer = client.send(SoakOperation.INGEST, random, "POST", path, body.toString());
        } catch (IOException e) {
            actions.forEach(a -> ledger.uncertain(a.id()));
            throw e;
        }
        if (!answer.ok()) {
            actions.forEach(a -> ledger.uncertain(a.id()));
            counters.failed(SoakOperation.INGEST, "POST " + path + " answered " + answer.status() + ": "
                    + answer.reason());
            return List.of();
        }
        JsonNode items = answer.body().path("items");
        List<BulkAction> again = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            BulkAction action = actions.get(i);
            JsonNode item = items.path(i).path(action.deletes() ? "delete" : "index");
            int status = item.path("status").asInt();
            if (status == 429 && !lastTry) {
                counters.countRetry(SoakOperation.INGEST);
                again.add(action);
            } else if (action.deletes()) {
                deleted(SoakOperation.INGEST, action.id(), status, item.toString());
            } else if (status == 201 || status == 200) {
                ledger.written(action.id(), action.expected());
                live.add(action.id());
                counters.acknowledged(SoakOperation.INGEST, 1);
            } else {
                ledger.uncertain(action.id());
                counters.failed(SoakOperation.INGEST, "bulk item " + action.id() + " answered " + status + ": "
                        + item.path("error"));
            }
        }
        return again;
    }

    /** A partial update of a live document, or half the time a rewrite with a new image through the pipeline. */
    private void update() throws IOException {
        String id = takeLive();
        WriteLedger.Expected before = ledger.expected(id);
        boolean rewrite = random.nextBoolean();
        WriteLedger.Expected after = rewrite ? requests.expected(id, before.rev() + 1, randomImage())
                : new WriteLedger.Expected(before.rev() + 1, SoakRequests.title(id, before.rev() + 1,
                        before.category()), before.category(), before.image(), false);
        String path = rewrite ? "/" + requests.index() + "/_doc/" + id + "?pipeline=" + requests.pipeline()
                : "/" + requests.index() + "/_update/" + id;
        String body = rewrite ? requests.documentWithImage(after) : SoakRequests.partialUpdate(after);
        NodeHttp.Answer answer = writeOwn(SoakOperation.UPDATE, id, rewrite ? "PUT" : "POST", path, body);
        if (answer.status() == 200) {
            ledger.written(id, after);
            live.add(id);
            counters.acknowledged(SoakOperation.UPDATE, 1);
        } else {
            lostOrUncertain(SoakOperation.UPDATE, id, path, answer);
        }
    }

    private void delete() throws IOException {
        String id = takeLive();
        String path = "/" + requests.index() + "/_doc/" + id;
        NodeHttp.Answer answer = writeOwn(SoakOperation.DELETE, id, "DELETE", path, null);
        deleted(SoakOperation.DELETE, id, answer.status(), answer.status() + " " + answer.reason());
    }

    private void deleted(SoakOperation op, String id, int status, String answer) {
        if (status == 200) {
            ledger.deleted(id);
            counters.acknowledged(op, 1);
        } else if (status == 404) {
            // Acknowledged, then not found: a lost document. It is gone, as a delete wants it.
            ledger.deleted(id);
            counters.failed(op, "document " + id + ", acknowledged before, was not found to delete: " + answer);
        } else {
            ledger.uncertain(id);
            counters.failed(op, "delete of " + id + " answered " + answer);
        }
    }

    /** Sends a write of one live document; a request with no answer leaves the document uncertain. */
    private NodeHttp.Answer writeOwn(SoakOperation op, String id, String method, String path, String body)
            throws IOException {
        try {
            return client.send(op, random, method, path, body);
        } catch (IOException e) {
            ledger.uncertain(id);
            throw e;
        }
    }

    private void lostOrUncertain(SoakOperation op, String id, String path, NodeHttp.Answer answer) {
        if (answer.status() == 404) {
            ledger.deleted(id);
            counters.failed(op, "document " + id + ", acknowledged before, was not found: " + answer.reason());
        } else {
            ledger.uncertain(id);
            counters.failed(op, path + " answered " + answer.status() + ": " + answer.reason());
        }
    }

    private void search(SoakOperation op, String body) throws IOException {
        expect200(op, "POST", "/" + requests.index() + "/_search", body);
    }

    private void expect200(SoakOperation op, String method, String path, String body) throws IOException {
        NodeHttp.Answer answer = client.send(op, random, method, path, body);
        if (answer.status() != 200) {
            counters.failed(op, method + " " + path + " answered " + answer.status() + ": " + answer.reason());
        }
    }

    /** Removes a random live document from the live list (a caller that keeps it adds it back). */
    private String takeLive() {
        int i = random.nextInt(live.size());
        String id = live.get(i);
        live.set(i, live.get(live.size() - 1));
        live.remove(live.size() - 1);
        return id;
    }

    private String randomLive() {
        return live.get(random.nextInt(live.size()));
    }

    private int randomImage() {
        return random.nextInt(requests.images().size());
    }

    private String randomCategory() {
        return categories.get(random.nextInt(categories.size()));
    }
}
