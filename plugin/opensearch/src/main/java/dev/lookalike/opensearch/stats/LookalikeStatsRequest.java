package dev.lookalike.opensearch.stats;

import java.io.IOException;
import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.core.common.io.stream.StreamInput;

/**
 * Asks nodes for their figures: the nodes as OpenSearch's node APIs name them ({@code _all}, {@code _local},
 * {@code _cluster_manager}, ids, names, attributes), all of them when none is named.
 */
public final class LookalikeStatsRequest extends BaseNodesRequest<LookalikeStatsRequest> {

    /** @param nodeIds the nodes, as OpenSearch's node APIs name them; none for all */
    public LookalikeStatsRequest(String... nodeIds) {
        super(nodeIds);
    }

    /**
     * Reads a request that another node serialised.
     *
     * @param in the stream
     * @throws IOException if the stream fails
     */
    public LookalikeStatsRequest(StreamInput in) throws IOException {
        super(in);
    }
}
