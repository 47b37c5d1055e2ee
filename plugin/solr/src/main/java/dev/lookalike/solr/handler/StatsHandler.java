package dev.lookalike.solr.handler;

import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.stats.NodeFigures;
import dev.lookalike.solr.stats.NodeMetrics;
import org.apache.solr.core.SolrCore;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.security.AuthorizationContext;
import org.apache.solr.util.plugin.SolrCoreAware;

/**
 * {@code /lookalike/stats}: the node's Lookalike figures since it started ({@link NodeFigures}), in the shape of the
 * OpenSearch plug-in's per-node stats ({@code GET /_plugins/lookalike/stats}) after Solr's response header. The
 * figures are the node's, the same from any of its
 * cores. Loading the handler in a core also registers them in the node's metrics ({@link NodeMetrics}), once per
 * node. Reading costs a few counter sums and three histogram folds.
 */
public class StatsHandler extends RequestHandlerBase implements SolrCoreAware {

    @Override
    public void inform(SolrCore core) {
        NodeMetrics.of(core.getCoreContainer());
    }

    @Override
    public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) {
        LookalikeNode node = LookalikeNode.of(req.getCoreContainer());
        NodeFigures.read(node, req.getCoreContainer()).toJson().forEach(rsp::add);
    }

    @Override
    public String getDescription() {
        return "Lookalike: the node's figures (images embedded, embedding times, memory, inference pool, model)";
    }

    @Override
    public Name getPermissionName(AuthorizationContext request) {
        return Name.METRICS_READ_PERM;
    }
}
