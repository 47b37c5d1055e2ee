package dev.lookalike.solr.proxy;

import dev.lookalike.search.proxy.CategoryProxyBuilder;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrCore;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.rest.BaseSolrResource;
import org.apache.solr.rest.ManagedResource;
import org.apache.solr.rest.ManagedResourceObserver;
import org.apache.solr.rest.ManagedResourceStorage;

/**
 * A collection's catalogue proxies by vector field, as a Solr managed resource at {@value #RESOURCE_ID}: stored
 * with the configset (in ZooKeeper under SolrCloud, in the {@code conf} folder otherwise), so every shard and
 * replica of the collection reads the same ones, and shown by {@code GET /solr/<collection>/schema/...}. They are
 * written only by {@link ProxyRefreshHandler} (a hand edit is refused). Each core re-reads the stored proxies at
 * most every {@value #RELOAD_SECONDS} seconds when a query needs them, so a refresh on any node takes effect on
 * every replica within that time, without a collection reload. A refresh re-reads the stored proxies just before
 * it writes and replaces only its own field, under this resource's lock and, in SolrCloud, the collection's
 * {@link ProxyStoreLock} in ZooKeeper, so two refreshes, on one node or on two, never lose each other's result.
 */
public class ManagedCatalogueProxies extends ManagedResource {

    /** The resource's id, its REST path under the collection. */
    public static final String RESOURCE_ID = "/schema/lookalike-catalogue-proxies";
    /** How often, at most, a core re-reads the stored proxies. */
    public static final int RELOAD_SECONDS = 5;

    private volatile Map<String, CatalogueProxies> byField = Map.of();
    private volatile long loadedAt = System.nanoTime();
    private final AtomicBoolean reloading = new AtomicBoolean();

    /**
     * Called by Solr's RestManager.
     *
     * @param resourceId the resource's id
     * @param loader     the core's resource loader
     * @param storageIO  where the resource is stored
     * @throws SolrException if the storage cannot be set up
     */
    public ManagedCatalogueProxies(String resourceId, SolrResourceLoader loader,
            ManagedResourceStorage.StorageIO storageIO) throws SolrException {
        super(resourceId, loader, storageIO);
    }

    /**
     * Registers the resource with a core, from a component's {@code inform}.
     *
     * @param loader   the core's resource loader
     * @param observer told when the resource is loaded
     */
    public static void register(SolrResourceLoader loader, ManagedResourceObserver observer) {
        loader.getManagedResourceRegistry().registerManagedResource(RESOURCE_ID, ManagedCatalogueProxies.class,
                observer);
    }

    /**
     * @param core a core
     * @return its catalogue proxies, or {@code null} when no Lookalike component registered them
     */
    public static ManagedCatalogueProxies of(SolrCore core) {
        try {
            return core.getRestManager().getManagedResource(RESOURCE_ID) instanceof ManagedCatalogueProxies p ? p
                    : null;
        } catch (SolrException e) {
            return null;
        }
    }

    @Override
    protected void onManagedDataLoadedFromStorage(NamedList<?> initArgs, Object data) throws SolrException {
        Map<String, CatalogueProxies> loaded = new LinkedHashMap<>();
        if (data instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String field = String.valueOf(e.getKey());
                try {
                    loaded.put(field, CatalogueProxies.fromData(e.getValue(), field));
                } catch (IllegalArgumentException bad) {
                    throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, RESOURCE_ID + ": " + bad.getMessage(),
                            bad);
                }
            }
        }
        byField = Map.copyOf(loaded);
        loadedAt = System.nanoTime();
    }

    /**
     * The proxies of a field, re-read from storage first when the copy in memory is older than
     * {@value #RELOAD_SECONDS} seconds.
     *
     * @param field a vector field
     * @return its proxies, or {@code null} when none were computed
     */
    public CatalogueProxies get(String field) {
        if (System.nanoTime() - loadedAt > TimeUnit.SECONDS.toNanos(RELOAD_SECONDS)
                && reloading.compareAndSet(false, true)) {
            try {
                reloadFromStorage();
            } catch (SolrException e) {
                // Keep serving the proxies in memory; the next query tries again.
                loadedAt = System.nanoTime();
            } finally {
                reloading.set(false);
            }
        }
        return byField.get(field);
    }

    /**
     * Every field's proxies as stored now: re-read from storage first, since another node may have refreshed them.
     *
     * @return every field's proxies
     */
    public synchronized Map<String, CatalogueProxies> all() {
        reloadFromStorage();
        return byField;
    }

    /**
     * Stores a field's new proxies, keeping every other field's as stored now.
     *
     * @param field         the vector field
     * @param categoryField the category field they were computed from
     * @param builder       the builder that has seen the documents
     * @return the proxies stored, one generation after the field's previous ones
     */
    public synchronized IndexProxies store(String field, String categoryField, CategoryProxyBuilder builder) {
        reloadFromStorage();
        CatalogueProxies previous = byField.get(field);
        IndexProxies proxies = builder.build(previous == null ? 1 : previous.proxies().generation() + 1);
        Map<String, CatalogueProxies> next = new LinkedHashMap<>(byField);
        next.put(field, new CatalogueProxies(proxies, categoryField));
        storeManagedData(toData(next));
        byField = Map.copyOf(next);
        loadedAt = System.nanoTime();
        return proxies;
    }

    private static Map<String, Object> toData(Map<String, CatalogueProxies> proxies) {
        Map<String, Object> data = new LinkedHashMap<>();
        proxies.forEach((field, p) -> data.put(field, p.toData()));
        return data;
    }

    /** Refuses hand edits: the proxies are computed from the documents by {@code /lookalike/proxies}. */
    @Override
    protected Object applyUpdatesToManagedData(Object updates) {
        throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, RESOURCE_ID + " is computed from the "
                + "collection's documents; refresh it with /lookalike/proxies?action=refresh instead of editing it");
    }

    /** Deletes one field's proxies; re-ranking on that field falls back to the model's proxies. */
    @Override
    public synchronized void doDeleteChild(BaseSolrResource endpoint, String childId) {
        reloadFromStorage();
        if (!byField.containsKey(childId)) {
            throw new SolrException(SolrException.ErrorCode.NOT_FOUND, RESOURCE_ID + " has no proxies for field ["
                    + childId + "]");
        }
        Map<String, CatalogueProxies> next = new LinkedHashMap<>(byField);
        next.remove(childId);
        storeManagedData(toData(next));
        byField = Map.copyOf(next);
    }

    @Override
    public void doGet(BaseSolrResource endpoint, String childId) {
        Map<String, Object> data = toData(byField);
        endpoint.getSolrResponse().add("catalogueProxies", childId == null ? data : data.get(childId));
    }
}
