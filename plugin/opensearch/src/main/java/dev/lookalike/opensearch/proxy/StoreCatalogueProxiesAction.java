package dev.lookalike.opensearch.proxy;

import org.opensearch.action.ActionType;

/**
 * The transport action that stores one field's catalogue proxies in an index's mapping, run on the elected
 * cluster manager so that every refresh of the cluster passes through one place, one index at a time
 * ({@link TransportStoreCatalogueProxiesAction}).
 */
public final class StoreCatalogueProxiesAction extends ActionType<StoreCatalogueProxiesResponse> {

    /** The action's name: an index-metadata write, as a mapping update is. */
    public static final String NAME = "indices:admin/mapping/lookalike_catalogue_proxies";
    /** The one instance. */
    public static final StoreCatalogueProxiesAction INSTANCE = new StoreCatalogueProxiesAction();

    private StoreCatalogueProxiesAction() {
        super(NAME, StoreCatalogueProxiesResponse::new);
    }
}
