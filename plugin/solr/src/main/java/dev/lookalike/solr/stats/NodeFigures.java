package dev.lookalike.solr.stats;

import dev.lookalike.analyzer.image.PixelBudget;
import dev.lookalike.analyzer.stats.Percentiles;
import dev.lookalike.solr.node.InferencePool;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.NodeCounters;
import dev.lookalike.solr.node.NodeSettings;
import dev.lookalike.solr.proxy.ManagedCatalogueProxies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;

/**
 * One node's figures since it started, read at one moment: what {@code /lookalike/stats} answers, in the shape of
 * the OpenSearch plug-in's per-node stats, and what {@link NodeMetrics} hands to Solr's metrics. Immutable.
 *
 * @param similaritySearches      {@code {!image_knn}} queries built
 * @param embeddedImages          images that went through the network
 * @param batches                 batches they went in: a request's image, an update batch
 * @param batchSize               images per batch
 * @param decodeMillis            time to decode one image into the network's input
 * @param inferenceMillis         time of one batch through the network
 * @param inFlightImageBytes      decoded image bytes held now
 * @param maxInFlightImageBytes   their bound, {@value NodeSettings#MAX_INFLIGHT_IMAGE_BYTES}
 * @param rejectedImages          images refused (429) because the bound was reached
 * @param poolThreads             the inference pool's threads
 * @param poolQueue               tasks waiting now: the queue depth
 * @param poolActive              tasks running now
 * @param poolRejected            tasks refused (429) because the queue was full
 * @param poolCompleted           tasks done
 * @param model                   the model as {@value NodeSettings#MODEL} names it
 * @param modelLoadedAtMillis     when it finished loading, in milliseconds since the epoch; -1 while not loaded
 * @param catalogueProxyFields    core and field pairs whose catalogue proxies the node's cores hold, parsed
 * @param catalogueProxiesFound   re-ranked queries that found their core's catalogue proxies
 * @param catalogueProxiesMissing re-ranked queries that fell back to the model's proxies
 */
public record NodeFigures(long similaritySearches, long embeddedImages, long batches, Percentiles batchSize,
        Percentiles decodeMillis, Percentiles inferenceMillis, long inFlightImageBytes, long maxInFlightImageBytes,
        long rejectedImages, int poolThreads, int poolQueue, int poolActive, long poolRejected, long poolCompleted,
        String model, long modelLoadedAtMillis, int catalogueProxyFields, long catalogueProxiesFound,
        long catalogueProxiesMissing) {

    /**
     * Reads the node's figures: a few counter sums, three histogram folds and one look at each core's proxies.
     *
     * @param node      the node's Lookalike state
     * @param container the node, for its cores
     * @return the figures now
     */
    public static NodeFigures read(LookalikeNode node, CoreContainer container) {
        PixelBudget budget = node.embedder().budget();
        Instant loadedAt = node.embedder().loadedAt();
        int proxyFields = 0;
        for (SolrCore core : container.getCores()) {
            ManagedCatalogueProxies store = ManagedCatalogueProxies.of(core);
            proxyFields += store == null ? 0 : store.all().size();
        }
        NodeCounters counters = node.counters();
        InferencePool pool = node.pool();
        return new NodeFigures(counters.similaritySearches(), node.embedder().embeddedImages(),
                node.embedder().batches(), node.times().batchSizes(), node.times().decodeMillis(),
                node.times().inferenceMillis(), budget.inFlightBytes(), budget.maxBytes(), budget.rejected(),
                pool.threads(), pool.queued(), pool.active(), pool.rejectedTasks(), pool.completedTasks(),
                node.embedder().model(), loadedAt == null ? -1 : loadedAt.toEpochMilli(), proxyFields,
                counters.catalogueProxiesFound(), counters.catalogueProxiesMissing());
    }

    /** @return whether the model is loaded (it loads on first use) */
    public boolean modelLoaded() {
        return modelLoadedAtMillis >= 0;
    }

    /**
     * @return the figures as the OpenSearch plug-in's per-node stats name them: {@code similarity_searches},
     *         {@code images}, {@code memory}, {@code inference_pool}, {@code model} and {@code catalogue_proxies}
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("similarity_searches", similaritySearches);
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("embedded", embeddedImages);
        images.put("batches", batches);
        images.put("batch_size", toJson(batchSize));
        images.put("decode_millis", toJson(decodeMillis));
        images.put("inference_millis", toJson(inferenceMillis));
        json.put("images", images);
        json.put("memory", Map.of("in_flight_image_bytes", inFlightImageBytes,
                "max_in_flight_image_bytes", maxInFlightImageBytes, "rejected_images", rejectedImages));
        json.put("inference_pool", Map.of("threads", poolThreads, "queue", poolQueue, "active", poolActive,
                "rejected", poolRejected, "completed", poolCompleted));
        Map<String, Object> modelJson = new LinkedHashMap<>();
        modelJson.put("name", model);
        modelJson.put("loaded", modelLoaded());
        if (modelLoaded()) {
            modelJson.put("loaded_at", Instant.ofEpochMilli(modelLoadedAtMillis).toString());
            modelJson.put("loaded_at_millis", modelLoadedAtMillis);
        }
        json.put("model", modelJson);
        json.put("catalogue_proxies", Map.of("cached", catalogueProxyFields, "hits", catalogueProxiesFound,
                "misses", catalogueProxiesMissing));
        return json;
    }

    private static Map<String, Object> toJson(Percentiles p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", p.count());
        json.put("mean", p.mean());
        json.put("p50", p.p50());
        json.put("p90", p.p90());
        json.put("p99", p.p99());
        json.put("max", p.max());
        return json;
    }
}
