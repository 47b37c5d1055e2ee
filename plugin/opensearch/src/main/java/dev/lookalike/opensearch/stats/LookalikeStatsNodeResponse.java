package dev.lookalike.opensearch.stats;

import java.io.IOException;
import org.opensearch.action.support.nodes.BaseNodeResponse;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** One node's answer: its figures. */
public final class LookalikeStatsNodeResponse extends BaseNodeResponse {

    private final NodeFigures figures;

    /**
     * @param node    the node that answers
     * @param figures its figures
     */
    public LookalikeStatsNodeResponse(DiscoveryNode node, NodeFigures figures) {
        super(node);
        this.figures = figures;
    }

    /**
     * Reads an answer that another node serialised.
     *
     * @param in the stream
     * @throws IOException if the stream fails
     */
    public LookalikeStatsNodeResponse(StreamInput in) throws IOException {
        super(in);
        this.figures = NodeFigures.readFrom(in);
    }

    /** @return the node's figures */
    public NodeFigures figures() {
        return figures;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        figures.writeTo(out);
    }
}
