package dev.lookalike.solr.handler;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.model.ModelSpec;
import dev.lookalike.solr.node.LookalikeNode;
import java.util.Map;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.security.AuthorizationContext;

/**
 * {@code /lookalike/model}: the node's model bundle as its {@code spec.json} describes it (name, embedding size,
 * classes, temperature, mirror averaging, proxy anchoring, re-ranking weight, network, input, training and
 * whitening), plus the node settings it was loaded with. Reads the bundle without starting libtorch.
 */
public class ModelHandler extends RequestHandlerBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) {
        LookalikeNode node = LookalikeNode.of(req.getCoreContainer());
        ModelSpec spec = node.bundle().spec();
        rsp.add("model", JSON.convertValue(spec, MAP));
        rsp.add("embedding_size", spec.embeddingSize());
        rsp.add("setting", Map.of("model", node.settings().model(),
                "inference_threads", node.settings().inferenceThreads(),
                "inference_queue_size", node.settings().inferenceQueueSize(),
                "max_image_bytes", node.settings().limits().maxBytes(),
                "max_image_pixels", node.settings().limits().maxPixels()));
        // One model and one pool serve every core of the node: the same figures from any core.
        rsp.add("inference", Map.of("accepted_tasks", node.pool().acceptedTasks(),
                "node_instance", System.identityHashCode(node)));
    }

    @Override
    public String getDescription() {
        return "Lookalike: describes the node's model bundle";
    }

    @Override
    public Name getPermissionName(AuthorizationContext request) {
        return Name.READ_PERM;
    }
}
