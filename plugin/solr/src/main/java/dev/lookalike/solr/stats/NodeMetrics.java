package dev.lookalike.solr.stats;

import dev.lookalike.analyzer.stats.Percentiles;
import dev.lookalike.solr.node.LookalikeNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.metrics.SolrMetricManager;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The node's {@link NodeFigures} in Solr's metrics: counters and gauges named {@code lookalike_*} in the node
 * registry ({@code solr.node}), so that {@code /admin/metrics} and its Prometheus exposition list them on each node
 * of a SolrCloud cluster. A distribution is one gauge with a {@code stat} attribute ({@code mean}, {@code p50},
 * {@code p90}, {@code p99}, {@code max}) beside a counter of its values. One batch callback reads the figures once
 * per collection. Registered once per node, kept in the {@code CoreContainer}'s object cache, which closes it when
 * the node shuts down.
 */
public final class NodeMetrics implements Closeable {

    /** The key of the node's instance in the object cache. */
    public static final String CACHE_KEY = "dev.lookalike.solr.metrics";

    private static final String PREFIX = "lookalike_";

    /** The attribute that tells a distribution's statistics apart. */
    private static final AttributeKey<String> STAT = AttributeKey.stringKey("stat");

    private static final Attributes MEAN = Attributes.of(STAT, "mean");
    private static final Attributes P50 = Attributes.of(STAT, "p50");
    private static final Attributes P90 = Attributes.of(STAT, "p90");
    private static final Attributes P99 = Attributes.of(STAT, "p99");
    private static final Attributes MAX = Attributes.of(STAT, "max");

    /** A figure that is one number: a counter (only grows) or a gauge. */
    private record Figure(String name, boolean counter, String description, ToLongFunction<NodeFigures> value) {
    }

    /** A figure that is a distribution. */
    private record Distribution(String name, String description, Function<NodeFigures, Percentiles> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("similarity_searches", true, "{!image_knn} queries built", NodeFigures::similaritySearches),
            new Figure("images_embedded", true, "images that went through the network", NodeFigures::embeddedImages),
            new Figure("image_batches", true, "batches the embedded images went in", NodeFigures::batches),
            new Figure("in_flight_image_bytes", false, "decoded image bytes held now",
                    NodeFigures::inFlightImageBytes),
            new Figure("max_in_flight_image_bytes", false, "the bound on decoded image bytes held at once",
                    NodeFigures::maxInFlightImageBytes),
            new Figure("rejected_images", true, "images refused (429) because the in-flight bound was reached",
                    NodeFigures::rejectedImages),
            new Figure("inference_pool_threads", false, "the inference pool's threads", NodeFigures::poolThreads),
            new Figure("inference_pool_queue", false, "inference tasks waiting now", NodeFigures::poolQueue),
            new Figure("inference_pool_active", false, "inference tasks running now", NodeFigures::poolActive),
            new Figure("inference_pool_rejected", true, "inference tasks refused (429) because the queue was full",
                    NodeFigures::poolRejected),
            new Figure("inference_pool_completed", true, "inference tasks done", NodeFigures::poolCompleted),
            new Figure("model_loaded_at_millis", false,
                    "when the model finished loading, in milliseconds since the epoch; -1 while not loaded",
                    NodeFigures::modelLoadedAtMillis),
            new Figure("catalogue_proxies_cached", false,
                    "core and field pairs whose catalogue proxies the node holds", NodeFigures::catalogueProxyFields),
            new Figure("catalogue_proxies_hits", true, "re-ranked queries that found their core's catalogue proxies",
                    NodeFigures::catalogueProxiesFound),
            new Figure("catalogue_proxies_misses", true, "re-ranked queries that fell back to the model's proxies",
                    NodeFigures::catalogueProxiesMissing));

    private static final List<Distribution> DISTRIBUTIONS = List.of(
            new Distribution("image_batch_size", "images per batch", NodeFigures::batchSize),
            new Distribution("image_decode_millis", "time to decode one image, in milliseconds",
                    NodeFigures::decodeMillis),
            new Distribution("inference_millis", "time of one batch through the network, in milliseconds",
                    NodeFigures::inferenceMillis));

    private final SolrMetricsContext context;

    private NodeMetrics(SolrMetricsContext context) {
        this.context = context;
    }

    /**
     * The node's instance, registered on the first call.
     *
     * @param container the node
     * @return its metrics
     */
    public static NodeMetrics of(CoreContainer container) {
        return container.getObjectCache().computeIfAbsent(CACHE_KEY, NodeMetrics.class,
                k -> register(container, LookalikeNode.of(container)));
    }

    private static NodeMetrics register(CoreContainer container, LookalikeNode node) {
        SolrMetricsContext context = new SolrMetricsContext(container.getMetricManager(),
                SolrMetricManager.NODE_REGISTRY);
        List<ObservableMeasurement> all = new ArrayList<>();
        List<ObservableLongMeasurement> numbers = new ArrayList<>();
        for (Figure figure : FIGURES) {
            numbers.add(figure.counter() ? context.longCounterMeasurement(PREFIX + figure.name(), figure.description())
                    : context.longGaugeMeasurement(PREFIX + figure.name(), figure.description()));
        }
        all.addAll(numbers);
        List<ObservableLongMeasurement> counts = new ArrayList<>();
        List<ObservableDoubleMeasurement> stats = new ArrayList<>();
        for (Distribution distribution : DISTRIBUTIONS) {
            String name = PREFIX + distribution.name();
            counts.add(context.longCounterMeasurement(name + "_values", distribution.description()
                    + ": how many values"));
            stats.add(context.doubleGaugeMeasurement(name, distribution.description()
                    + ": mean, p50, p90, p99, max"));
        }
        all.addAll(counts);
        all.addAll(stats);
        context.batchCallback(() -> {
            NodeFigures figures = NodeFigures.read(node, container);
            for (int i = 0; i < FIGURES.size(); i++) {
                numbers.get(i).record(FIGURES.get(i).value().applyAsLong(figures));
            }
            for (int i = 0; i < DISTRIBUTIONS.size(); i++) {
                Percentiles p = DISTRIBUTIONS.get(i).value().apply(figures);
                counts.get(i).record(p.count());
                ObservableDoubleMeasurement gauge = stats.get(i);
                gauge.record(p.mean(), MEAN);
                gauge.record(p.p50(), P50);
                gauge.record(p.p90(), P90);
                gauge.record(p.p99(), P99);
                gauge.record(p.max(), MAX);
            }
        }, all.getFirst(), all.subList(1, all.size()).toArray(ObservableMeasurement[]::new));
        return new NodeMetrics(context);
    }

    /** Unregisters the metrics. */
    @Override
    public void close() {
        context.unregister();
    }
}
