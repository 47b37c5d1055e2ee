package dev.lookalike.solr.node;

import dev.lookalike.analyzer.image.ImageFiles;
import dev.lookalike.analyzer.image.ImageUrls;
import dev.lookalike.analyzer.image.PixelBudget;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NodeEmbedder;
import dev.lookalike.analyzer.stats.EmbeddingTimes;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.query.filter.FilterBitSetCache;
import java.io.Closeable;
import org.apache.solr.common.SolrException;
import org.apache.solr.core.CoreContainer;

/**
 * A node's one model and inference pool, shared by all its cores: created by the first core that needs it and
 * kept in the {@link CoreContainer}'s object cache, which closes it when the node shuts down. The model is loaded
 * lazily (libtorch only on the first image); the bundle alone can be read without it. The plug-in's jars must be
 * installed at node level ({@code <solr_home>/lib} or a module), so that every core sees the same classes.
 *
 * @param settings the node's settings
 * @param embedder the model
 * @param pool     the inference pool
 * @param files    reads image files under the file root
 * @param urls     fetches images from allowed hosts
 * @param times    how long the embedder's decodes and batches took, as it reports them
 * @param counters what the node's searches did
 * @param filterCache the term filters' bit sets per segment (category and keyword {@code fq}s that repeat), shared
 *                 by every core's {@code {!image_knn}} searches and dropped with each segment
 */
public record LookalikeNode(NodeSettings settings, NodeEmbedder embedder, InferencePool pool, ImageFiles files,
        ImageUrls urls, EmbeddingTimes times, NodeCounters counters, FilterBitSetCache filterCache)
        implements Closeable {

    /** The key of the node's instance in the object cache. */
    public static final String CACHE_KEY = "dev.lookalike.solr.node";

    /**
     * @param settings the node's settings
     * @return a node whose model is not loaded yet
     */
    public static LookalikeNode create(NodeSettings settings) {
        EmbeddingTimes times = new EmbeddingTimes();
        return new LookalikeNode(settings,
                new NodeEmbedder(settings.model(), settings.djlCache(), settings.inferenceThreads(), settings.limits(),
                        new PixelBudget(settings.maxInflightBytes()), times),
                new InferencePool(settings.inferenceThreads(), settings.inferenceQueueSize()),
                new ImageFiles(settings.fileRoot(), settings.limits().maxBytes()),
                new ImageUrls(settings.urlAllowList(), settings.limits().maxBytes(), settings.urlTimeout()),
                times, new NodeCounters(), new FilterBitSetCache());
    }

    /**
     * The node's instance, created on the first call from the JVM's system properties.
     *
     * @param container the node
     * @return its Lookalike state
     * @throws SolrException naming the property if a setting is malformed
     */
    public static LookalikeNode of(CoreContainer container) {
        return container.getObjectCache().computeIfAbsent(CACHE_KEY, LookalikeNode.class,
                k -> create(NodeSettings.fromSystemProperties(container.getSolrHome())));
    }

    /**
     * The model's bundle, read from disk without starting libtorch.
     *
     * @return the bundle
     * @throws SolrException naming {@value NodeSettings#MODEL} if it cannot be read; it has no cause, so that
     *                       Solr's "Unable to create core" message, which shows only the root cause's, names it
     */
    public ModelBundle bundle() {
        try {
            return embedder.bundle();
        } catch (RuntimeException e) {
            // A core that fails to load is reported by its root cause's message alone: the message that names the
            // setting must be the root's, so the failure travels as a suppressed exception (logged with its trace).
            SolrException refused = new SolrException(SolrException.ErrorCode.SERVER_ERROR, e.getMessage());
            refused.addSuppressed(e);
            throw refused;
        }
    }

    /** @return the model's learned proxies at its temperature, for collections without catalogue proxies */
    public IndexProxies modelProxies() {
        ModelBundle b = bundle();
        return IndexProxies.ofModel(b.proxies(), b.spec().temperature());
    }

    /** Stops the pool and frees the model. */
    @Override
    public void close() {
        pool.close();
        embedder.close();
    }
}
