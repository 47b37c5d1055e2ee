package dev.lookalike.opensearch.stats;

import java.io.IOException;
import java.util.List;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * The figures of the nodes asked, rendered as OpenSearch renders node stats: after the {@code _nodes} header and the
 * {@code cluster_name} (which OpenSearch's REST listener writes), {@code nodes} by node id, each with its
 * {@code name}, {@code host} and figures.
 */
public final class LookalikeStatsResponse extends BaseNodesResponse<LookalikeStatsNodeResponse>
        implements ToXContentFragment {

    /**
     * @param clusterName the cluster's name
     * @param nodes       the answers
     * @param failures    the nodes that did not answer
     */
    public LookalikeStatsResponse(ClusterName clusterName, List<LookalikeStatsNodeResponse> nodes,
            List<FailedNodeException> failures) {
        super(clusterName, nodes, failures);
    }

    /**
     * Reads a response that another node serialised.
     *
     * @param in the stream
     * @throws IOException if the stream fails
     */
    public LookalikeStatsResponse(StreamInput in) throws IOException {
        super(in);
    }

    @Override
    protected List<LookalikeStatsNodeResponse> readNodesFrom(StreamInput in) throws IOException {
        return in.readList(LookalikeStatsNodeResponse::new);
    }

    @Override
    protected void writeNodesTo(StreamOutput out, List<LookalikeStatsNodeResponse> nodes) throws IOException {
        out.writeList(nodes);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder json, Params params) throws IOException {
        json.startObject("nodes");
        for (LookalikeStatsNodeResponse node : getNodes()) {
            json.startObject(node.getNode().getId()).field("name", node.getNode().getName())
                    .field("host", node.getNode().getHostAddress());
            node.figures().toXContent(json, params);
            json.endObject();
        }
        return json.endObject();
    }
}
