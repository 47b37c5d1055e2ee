package dev.lookalike.opensearch.proxy;

import java.io.IOException;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** The generation the cluster manager stored a field's catalogue proxies under. */
public final class StoreCatalogueProxiesResponse extends ActionResponse {

    private final long generation;

    /** @param generation the stored generation */
    public StoreCatalogueProxiesResponse(long generation) {
        this.generation = generation;
    }

    /**
     * Reads a response sent by the cluster manager.
     *
     * @param in the stream
     * @throws IOException if it cannot be read
     */
    public StoreCatalogueProxiesResponse(StreamInput in) throws IOException {
        this.generation = in.readLong();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeLong(generation);
    }

    /** @return the stored generation */
    public long generation() {
        return generation;
    }
}
