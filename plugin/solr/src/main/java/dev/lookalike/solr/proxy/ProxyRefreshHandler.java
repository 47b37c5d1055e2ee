package dev.lookalike.solr.proxy;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.proxy.CategoryProxyBuilder;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.SolrErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.rest.ManagedResource;
import org.apache.solr.rest.ManagedResourceObserver;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.security.AuthorizationContext;
import org.apache.solr.util.plugin.SolrCoreAware;

/**
 * {@code /lookalike/proxies}: {@code ?action=refresh&field=embedding&categoryField=category} (those are the
 * defaults) computes the collection's catalogue proxies from its documents ({@link CatalogueScan}, the core's
 * {@link CategoryProxyBuilder}: the model's learned proxy for a category it knows, the mean of the category's
 * vectors for one it never saw) and stores them in {@link ManagedCatalogueProxies}, after which
 * {@code {!image_knn ... rerank=true}} re-ranks by the catalogue's own categories on every replica. Without
 * {@code action} it shows the stored proxies. Answers the categories, whether each proxy is learned and how many
 * documents each has. Bad parameters are answered 400, naming them.
 */
public class ProxyRefreshHandler extends RequestHandlerBase implements SolrCoreAware, ManagedResourceObserver {

    /** How long a refresh waits for one of the same collection running on another node. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /** Registers the managed resource with the core. */
    @Override
    public void inform(SolrCore core) {
        ManagedCatalogueProxies.register(core.getResourceLoader(), this);
    }

    /** Nothing to do: the handler looks the resource up per request. */
    @Override
    public void onManagedResourceInitialized(NamedList<?> args, ManagedResource res) {
        // Read through the core's RestManager per request.
    }

    @Override
    public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) throws Exception {
        SolrParams params = req.getParams();
        ManagedCatalogueProxies store = ManagedCatalogueProxies.of(req.getCore());
        if (store == null) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "the catalogue proxies resource is not "
                    + "registered with this core");
        }
        String action = params.get("action");
        if (action == null) {
            Map<String, Object> all = new LinkedHashMap<>();
            store.all().forEach((field, p) -> all.put(field, describe(p.proxies(), p.categoryField())));
            rsp.add("catalogueProxies", all);
            return;
        }
        if (!action.equals("refresh")) {
            throw SolrErrors.badRequest("/lookalike/proxies parameter [action] must be refresh, got '" + action + "'");
        }
        String field = params.get("field", "embedding");
        String categoryField = params.get("categoryField", "category");
        SchemaField vectors = req.getSchema().getFieldOrNull(field);
        if (vectors == null || !(vectors.getType() instanceof DenseVectorField type)) {
            throw SolrErrors.badRequest("/lookalike/proxies parameter [field]: [" + field + "] is "
                    + (vectors == null ? "not in the schema" : "not a solr.DenseVectorField"));
        }
        SchemaField categories = req.getSchema().getFieldOrNull(categoryField);
        if (categories == null || !categories.hasDocValues()) {
            throw SolrErrors.badRequest("/lookalike/proxies parameter [categoryField]: [" + categoryField + "] is "
                    + (categories == null ? "not in the schema" : "without docValues, which re-ranking reads"));
        }
        ModelBundle bundle = LookalikeNode.of(req.getCoreContainer()).bundle();
        CategoryProxyBuilder builder = new CategoryProxyBuilder(bundle.proxies(), bundle.spec().temperature());
        CoreContainer container = req.getCoreContainer();
        long documents;
        if (container.isZooKeeperAware() && params.getBool("distrib", true)) {
            if (!vectors.stored()) {
                throw SolrErrors.badRequest("/lookalike/proxies parameter [field]: [" + field + "] must be "
                        + "stored=\"true\" in SolrCloud, where the proxies are computed from every shard's documents");
            }
            documents = CatalogueScan.cloud(container.getZkController().getSolrClient(),
                    req.getCore().getCoreDescriptor().getCollectionName(),
                    req.getSchema().getUniqueKeyField().getName(), field, categoryField, type.getDimension(), builder);
        } else {
            documents = CatalogueScan.local(req.getSearcher(), field, categoryField, type.getDimension(), builder);
        }
        if (documents == 0) {
            throw SolrErrors.badRequest("/lookalike/proxies: no document has both a [" + field + "] vector and a ["
                    + categoryField + "] category");
        }
        IndexProxies proxies;
        if (container.isZooKeeperAware()) {
            try (ProxyStoreLock lock = ProxyStoreLock.acquire(container.getZkController().getZkClient(),
                    req.getCore().getCoreDescriptor().getCollectionName(), LOCK_WAIT, req.getCore().getName())) {
                proxies = store.store(field, categoryField, builder);
            }
        } else {
            proxies = store.store(field, categoryField, builder);
        }
        rsp.add("field", field);
        rsp.add("documents", documents);
        rsp.add("proxies", describe(proxies, categoryField));
    }

    private static SimpleOrderedMap<Object> describe(IndexProxies proxies, String categoryField) {
        SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
        out.add("categoryField", categoryField);
        out.add("generation", proxies.generation());
        List<Map<String, Object>> list = new ArrayList<>();
        for (CategoryProxy p : proxies.proxies()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", p.category());
            one.put("learned", p.learned());
            one.put("items", p.items());
            list.add(one);
        }
        out.add("categories", list);
        return out;
    }

    @Override
    public String getDescription() {
        return "Lookalike: computes and shows the collection's catalogue proxies for re-ranking";
    }

    @Override
    public Name getPermissionName(AuthorizationContext request) {
        return Name.CONFIG_EDIT_PERM;
    }
}
