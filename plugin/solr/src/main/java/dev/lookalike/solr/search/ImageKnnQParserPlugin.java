package dev.lookalike.solr.search;

import dev.lookalike.solr.proxy.ManagedCatalogueProxies;
import java.io.IOException;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.rest.ManagedResource;
import org.apache.solr.rest.ManagedResourceObserver;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * Registers {@code {!image_knn}}: {@code <queryParser name="image_knn"
 * class="dev.lookalike.solr.search.ImageKnnQParserPlugin"/>} in {@code solrconfig.xml}. Also registers the
 * collection's catalogue proxies ({@link ManagedCatalogueProxies}) with the core's RestManager, so that
 * re-ranking finds them. See {@link ImageKnnQParser} for the query.
 */
public class ImageKnnQParserPlugin extends QParserPlugin implements ResourceLoaderAware, ManagedResourceObserver {

    /** The parser's name in {@code {!image_knn}}. */
    public static final String NAME = "image_knn";

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new ImageKnnQParser(qstr, localParams, params, req);
    }

    /**
     * Registers the catalogue proxies' managed resource with the core.
     *
     * @param loader the core's resource loader
     */
    @Override
    public void inform(ResourceLoader loader) throws IOException {
        ManagedCatalogueProxies.register((SolrResourceLoader) loader, this);
    }

    /** Nothing to do: the parser looks the resource up per request. */
    @Override
    public void onManagedResourceInitialized(NamedList<?> args, ManagedResource res) throws SolrException {
        // The resource is read through the core's RestManager when a query re-ranks.
    }
}
