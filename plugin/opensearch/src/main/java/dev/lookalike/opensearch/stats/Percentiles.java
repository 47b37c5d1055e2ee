package dev.lookalike.opensearch.stats;

import java.io.IOException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * A distribution summed up: how many values, their mean, median, 90th and 99th percentiles and largest, in the unit
 * the recorder gives (milliseconds, images). Percentiles are exact to three significant digits.
 *
 * @param count how many values were recorded
 * @param mean  their mean, 0 when there are none
 * @param p50   the median
 * @param p90   the 90th percentile
 * @param p99   the 99th percentile
 * @param max   the largest
 */
public record Percentiles(long count, double mean, double p50, double p90, double p99, double max)
        implements Writeable {

    /** No values. */
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

    /**
     * Reads what {@link #writeTo} wrote, on another node.
     *
     * @param in the stream
     * @return the distribution
     * @throws IOException if the stream fails
     */
    public static Percentiles readFrom(StreamInput in) throws IOException {
        return new Percentiles(in.readVLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVLong(count);
        out.writeDouble(mean);
        out.writeDouble(p50);
        out.writeDouble(p90);
        out.writeDouble(p99);
        out.writeDouble(max);
    }

    /**
     * Writes the distribution as an object.
     *
     * @param json the builder, inside an object
     * @param name the object's field name
     * @throws IOException if the builder fails
     */
    void render(XContentBuilder json, String name) throws IOException {
        json.startObject(name).field("count", count).field("mean", mean).field("p50", p50).field("p90", p90)
                .field("p99", p99).field("max", max).endObject();
    }
}
