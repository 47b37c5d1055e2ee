package dev.lookalike.opensearch.stats;

import java.io.IOException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.transport.TransportRequest;

/** What one node is sent: read your figures. It carries nothing, since every node reads all of its figures. */
public final class LookalikeStatsNodeRequest extends TransportRequest {

    /** Creates the request. */
    public LookalikeStatsNodeRequest() {
    }

    /**
     * Reads a request that another node serialised.
     *
     * @param in the stream
     * @throws IOException if the stream fails
     */
    public LookalikeStatsNodeRequest(StreamInput in) throws IOException {
        super(in);
    }
}
