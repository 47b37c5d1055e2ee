package dev.lookalike.tools.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.tools.bench.FashionPngs;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a soak: creates the index and its {@code image_embedding} pipeline, embeds a few query vectors, runs the
 * client threads until the deadline while closing a window of figures every few seconds, checks the index against
 * the ledger, deletes the index, and judges the goals. Blocks for the soak's minutes plus the check.
 */
public final class SoakRun {

    /** How many query vectors searches by vector draw from. */
    static final int QUERY_VECTORS = 16;
    /** Every how many windows a progress line is printed. */
    private static final int PROGRESS_EVERY = 6;

    private final SoakSettings settings;
    private final PrintWriter log;

    /**
     * @param settings what to do
     * @param log      where progress lines go
     */
    public SoakRun(SoakSettings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * @return every figure of the soak, with its goals judged
     * @throws IOException if setting up, reading the stats or the final check fails (failures of the load itself
     *                     are counted, not thrown)
     */
    public SoakResult run() throws IOException, InterruptedException {
        settings.validate();
        List<NodeHttp> nodes = new ArrayList<>();
        for (URI url : settings.urls()) {
            NodeHttp.requireNodeAddress(url);
            nodes.add(new NodeHttp("OpenSearch", url, Duration.ofMinutes(2)));
        }
        NodeHttp admin = nodes.get(0);
        String model = admin.expectOk("GET", "/_plugins/lookalike/model", null).path("name").asText();
        int nodeCount = admin.expectOk("GET", "/_cluster/health", null).path("number_of_nodes").asInt();
        String index = settings.index();
        String pipeline = index;
        admin.send("DELETE", "/" + index, null);
        admin.expectOk("PUT", "/_ingest/pipeline/" + pipeline, SoakRequests.pipelineBody());
        admin.expectOk("PUT", "/" + index, SoakRequests.indexBody(settings.shards(), settings.replicas()));
        admin.expectOk("GET", "/_cluster/health/" + index + "?wait_for_status="
                + (settings.replicas() > 0 ? "green" : "yellow") + "&timeout=120s", null);
        try {
            log.printf(Locale.ROOT, "soak of %s (%s, %d node(s)): %d threads for %.1f minutes%n", settings.urls(),
                    model, nodeCount, settings.threads(), settings.minutes());
            log.flush();
            SoakRequests requests = new SoakRequests(index, pipeline,
                    FashionPngs.sample(settings.images(), settings.seed()));
            List<float[]> vectors = queryVectors(admin, requests);
            return load(nodes, requests, vectors, model, nodeCount);
        } finally {
            if (!settings.keepIndex()) {
                admin.send("DELETE", "/" + index, null);
                admin.send("DELETE", "/_ingest/pipeline/" + pipeline, null);
            }
        }
    }

    private SoakResult load(List<NodeHttp> nodes, SoakRequests requests, List<float[]> vectors, String model,
            int nodeCount) throws IOException, InterruptedException {
        OperationCounters counters = new OperationCounters();
        WriteLedger ledger = new WriteLedger();
        RetryingClient client = new RetryingClient(nodes, counters);
        long start = System.nanoTime();
        long window = TimeUnit.SECONDS.toNanos(settings.windowSeconds());
        SoakPlan plan = new SoakPlan(settings.bulkSize(), settings.documents() / settings.threads(),
                start + (long) (settings.minutes() * 60e9));
        ProxyRefreshSchedule refreshes = new ProxyRefreshSchedule(TimeUnit.SECONDS.toNanos(settings.refreshSeconds()));
        SoakWindows windows = new SoakWindows(counters, nodes.get(0), start, settings.windowSeconds());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < settings.threads(); t++) {
                workers.add(pool.submit(new SoakWorker(t, client, counters, ledger, requests, vectors, plan,
                        refreshes, settings.seed() * 31 + t)));
            }
            pool.shutdown();
            long next = start + window;
            for (int w = 1; ; w++) {
                boolean done = pool.awaitTermination(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
                windows.close(done);
                if (done) {
                    break;
                }
                if (w % PROGRESS_EVERY == 0) {
                    progress(windows.windows().get(w - 1));
                }
                next += window;
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a soak thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = windows.seconds();
        SoakResult.Verification verification = SoakVerifier.verify(nodes.get(0), requests.index(), ledger);
        return result(counters, windows, verification, seconds, model, nodeCount);
    }

    private List<float[]> queryVectors(NodeHttp admin, SoakRequests requests) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < QUERY_VECTORS; i++) {
            JsonNode vector = admin.expectOk("POST", "/_plugins/lookalike/_embed",
                    requests.embed(i % requests.images().size())).path("vector");
            float[] v = new float[vector.size()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) vector.get(d).asDouble();
            }
            vectors.add(v);
        }
        return vectors;
    }

    private void progress(SoakResult.Window w) {
        StringBuilder heap = new StringBuilder();
        w.heap().forEach(h -> heap.append(String.format(Locale.ROOT, " %s %.0f/%.0f MB", h.node(), h.oldAfterGcMb(),
                h.heapUsedMb())));
        log.printf(Locale.ROOT, "%6.0f s: search p99 %s ms, write p99 %s ms; old gen after GC / heap used:%s%n",
                w.seconds(), format(w.searchP99Ms()), format(w.writeP99Ms()), heap);
        log.flush();
    }

    private static String format(Double ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.0f", ms);
    }

    private SoakResult result(OperationCounters counters, SoakWindows windows, SoakResult.Verification verification,
            double seconds, String model, int nodeCount) {
        List<SoakResult.OperationFigures> operations = new ArrayList<>();
        long failures = 0;
        long retried = 0;
        for (SoakOperation op : SoakOperation.values()) {
            var latency = windows.wholeRun(op);
            operations.add(new SoakResult.OperationFigures(op.label(), counters.requests(op), counters.documents(op),
                    counters.requests(op) / seconds, SoakWindows.millis(latency, 50), SoakWindows.millis(latency, 99),
                    SoakWindows.millis(latency, 100), counters.failures(op), counters.retried429(op)));
            failures += counters.failures(op);
            retried += counters.retried429(op);
        }
        List<SoakResult.HeapTrend> heap = HeapTrends.of(windows.windows());
        List<SoakResult.LatencyDrift> drift = List.of(
                windows.drift(SoakOperation.Group.SEARCH, settings.maxP99Drift()),
                windows.drift(SoakOperation.Group.WRITE, settings.maxP99Drift()));
        SoakResult.Settings s = new SoakResult.Settings(settings.urls().stream().map(URI::toString).toList(),
                nodeCount, model, settings.index(), settings.threads(), settings.minutes(), seconds,
                settings.windowSeconds(), settings.bulkSize(), settings.documents(), settings.refreshSeconds(),
                settings.images(), settings.shards(), settings.replicas(), settings.seed(),
                Runtime.getRuntime().availableProcessors(), settings.maxP99Drift());
        List<SoakResult.Goal> goals = SoakGoals.judge(operations, heap, drift, verification, failures, retried,
                settings.maxP99Drift());
        return new SoakResult(s, operations, windows.windows(), heap, drift, verification, failures, retried,
                counters.failureMessages(), goals);
    }
}
