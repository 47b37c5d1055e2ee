package dev.lookalike.opensearch.stats;

import dev.lookalike.analyzer.stats.Percentiles;
import java.io.IOException;
import java.time.Instant;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * One node's figures since it started, read at one moment: what {@code GET /_plugins/lookalike/stats} answers for
 * the node it reaches, and what each node sends for {@code GET /_plugins/lookalike/{nodeId}/stats}. Immutable;
 * serialised between nodes.
 *
 * @param similaritySearches shard-level {@code image_knn} searches run
 * @param images             images embedded, their batches and how long they took
 * @param memory             the decoded image bytes in flight, their bound and the images refused for it
 * @param pool               the inference pool's figures: its queue depth and rejections
 * @param model              the model, whether it is loaded and since when
 * @param catalogueProxies   the cache of parsed catalogue proxies
 */
public record NodeFigures(long similaritySearches, Images images, Memory memory, InferencePool pool, Model model,
        ProxyCache catalogueProxies) implements Writeable, ToXContentFragment {

    /**
     * Reads what {@link #writeTo} wrote, on another node.
     *
     * @param in the stream
     * @return the figures
     * @throws IOException if the stream fails
     */
    public static NodeFigures readFrom(StreamInput in) throws IOException {
        return new NodeFigures(in.readVLong(),
                new Images(in.readVLong(), in.readVLong(), readPercentiles(in), readPercentiles(in),
                        readPercentiles(in)),
                new Memory(in.readVLong(), in.readVLong(), in.readVLong()),
                new InferencePool(in.readVInt(), in.readVInt(), in.readVInt(), in.readVLong(), in.readVLong()),
                new Model(in.readString(), in.readBoolean(), in.readLong()),
                new ProxyCache(in.readVInt(), in.readVLong(), in.readVLong()));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVLong(similaritySearches);
        out.writeVLong(images.embedded());
        out.writeVLong(images.batches());
        writePercentiles(out, images.batchSize());
        writePercentiles(out, images.decodeMillis());
        writePercentiles(out, images.inferenceMillis());
        out.writeVLong(memory.inFlightImageBytes());
        out.writeVLong(memory.maxInFlightImageBytes());
        out.writeVLong(memory.rejectedImages());
        out.writeVInt(pool.threads());
        out.writeVInt(pool.queue());
        out.writeVInt(pool.active());
        out.writeVLong(pool.rejected());
        out.writeVLong(pool.completed());
        out.writeString(model.name());
        out.writeBoolean(model.loaded());
        out.writeLong(model.loadedAtMillis());
        out.writeVInt(catalogueProxies.entries());
        out.writeVLong(catalogueProxies.hits());
        out.writeVLong(catalogueProxies.misses());
    }

    /** Writes the figures as fields of the object the builder is in. */
    @Override
    public XContentBuilder toXContent(XContentBuilder json, Params params) throws IOException {
        json.field("similarity_searches", similaritySearches);
        json.startObject("images").field("embedded", images.embedded()).field("batches", images.batches());
        render(json, "batch_size", images.batchSize());
        render(json, "decode_millis", images.decodeMillis());
        render(json, "inference_millis", images.inferenceMillis());
        json.endObject();
        json.startObject("memory").field("in_flight_image_bytes", memory.inFlightImageBytes())
                .field("max_in_flight_image_bytes", memory.maxInFlightImageBytes())
                .field("rejected_images", memory.rejectedImages()).endObject();
        json.startObject("inference_pool").field("threads", pool.threads()).field("queue", pool.queue())
                .field("active", pool.active()).field("rejected", pool.rejected()).field("completed", pool.completed())
                .endObject();
        json.startObject("model").field("name", model.name()).field("loaded", model.loaded());
        if (model.loaded()) {
            json.field("loaded_at", Instant.ofEpochMilli(model.loadedAtMillis()).toString())
                    .field("loaded_at_millis", model.loadedAtMillis());
        }
        json.endObject();
        json.startObject("catalogue_proxies").field("cached", catalogueProxies.entries())
                .field("hits", catalogueProxies.hits()).field("misses", catalogueProxies.misses()).endObject();
        return json;
    }

    private static Percentiles readPercentiles(StreamInput in) throws IOException {
        return new Percentiles(in.readVLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble());
    }

    private static void writePercentiles(StreamOutput out, Percentiles p) throws IOException {
        out.writeVLong(p.count());
        out.writeDouble(p.mean());
        out.writeDouble(p.p50());
        out.writeDouble(p.p90());
        out.writeDouble(p.p99());
        out.writeDouble(p.max());
    }

    private static void render(XContentBuilder json, String name, Percentiles p) throws IOException {
        json.startObject(name).field("count", p.count()).field("mean", p.mean()).field("p50", p.p50())
                .field("p90", p.p90()).field("p99", p.p99()).field("max", p.max()).endObject();
    }

    /**
     * @param embedded        images that went through the network
     * @param batches         batches they went in: a request's image, an ingest batch
     * @param batchSize       images per batch
     * @param decodeMillis    time to decode one image into the network's input
     * @param inferenceMillis time of one batch through the network
     */
    public record Images(long embedded, long batches, Percentiles batchSize, Percentiles decodeMillis,
            Percentiles inferenceMillis) {
    }

    /**
     * @param inFlightImageBytes    decoded image bytes held now
     * @param maxInFlightImageBytes their bound, {@code lookalike.max_inflight_image_bytes}
     * @param rejectedImages        images refused (429) because the bound was reached
     */
    public record Memory(long inFlightImageBytes, long maxInFlightImageBytes, long rejectedImages) {
    }

    /**
     * @param threads   the pool's threads
     * @param queue     tasks waiting now: the queue depth
     * @param active    tasks running now
     * @param rejected  tasks refused (429) because the queue was full
     * @param completed tasks done
     */
    public record InferencePool(int threads, int queue, int active, long rejected, long completed) {
    }

    /**
     * @param name           the model as {@code lookalike.model} names it
     * @param loaded         whether it is loaded (it loads on first use)
     * @param loadedAtMillis when it finished loading, in milliseconds since the epoch; -1 while not loaded
     */
    public record Model(String name, boolean loaded, long loadedAtMillis) {
    }

    /**
     * @param entries index and field pairs whose parsed proxies are held
     * @param hits    re-ranked shard searches that found their proxies parsed
     * @param misses  those that parsed them from the mapping
     */
    public record ProxyCache(int entries, long hits, long misses) {
    }
}
