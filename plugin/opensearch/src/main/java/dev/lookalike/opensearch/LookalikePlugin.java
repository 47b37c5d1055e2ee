package dev.lookalike.opensearch;

import dev.lookalike.analyzer.image.ImageFiles;
import dev.lookalike.analyzer.model.NodeEmbedder;
import dev.lookalike.analyzer.stats.EmbeddingTimes;
import dev.lookalike.opensearch.codec.ImageVectorCodecService;
import dev.lookalike.opensearch.ingest.ImageEmbeddingProcessor;
import dev.lookalike.opensearch.mapper.ImageVectorFieldMapper;
import dev.lookalike.opensearch.model.PooledEmbedder;
import dev.lookalike.opensearch.proxy.CatalogueProxiesCache;
import dev.lookalike.opensearch.proxy.ProxyRefresh;
import dev.lookalike.opensearch.proxy.StoreCatalogueProxiesAction;
import dev.lookalike.opensearch.proxy.TransportStoreCatalogueProxiesAction;
import dev.lookalike.opensearch.query.ImageKnnQueryBuilder;
import dev.lookalike.opensearch.query.NodeSearchServices;
import dev.lookalike.opensearch.query.SimilaritySearchStats;
import dev.lookalike.opensearch.rest.RestEmbedAction;
import dev.lookalike.opensearch.rest.RestModelAction;
import dev.lookalike.opensearch.rest.RestRefreshProxiesAction;
import dev.lookalike.opensearch.rest.RestStatsAction;
import dev.lookalike.opensearch.stats.LookalikeNodeStats;
import dev.lookalike.opensearch.stats.LookalikeStatsAction;
import dev.lookalike.opensearch.stats.TransportLookalikeStatsAction;
import dev.lookalike.search.query.filter.FilterBitSetCache;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opensearch.action.ActionRequest;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.codec.CodecServiceFactory;
import org.opensearch.index.mapper.Mapper;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.EnginePlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.MapperPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

/**
 * The Lookalike plug-in: registers the node settings ({@link LookalikeSettings}), the inference pool
 * ({@link InferenceThreadPool}), the node's lazily loaded model ({@link NodeEmbedder}), the {@code image_vector}
 * field type with the codecs that give it its HNSW format, the {@code image_knn} query, the
 * {@code image_embedding} ingest processor and the REST endpoints {@code GET /_plugins/lookalike/model},
 * {@code POST /_plugins/lookalike/_embed}, {@code GET /_plugins/lookalike/stats} (and
 * {@code GET /_plugins/lookalike/{nodeId}/stats} across the cluster) and
 * {@code POST /{index}/_plugins/lookalike/proxies/_refresh}. OpenSearch creates one instance per node and closes it when the node
 * stops, which frees the model's native memory.
 *
 * <p>OpenSearch asks for queries and ingest processors before it creates the plug-in's components, so they
 * reach the node's embedder through a supplier that is filled in {@link #createComponents}.
 */
public class LookalikePlugin extends Plugin implements ActionPlugin, MapperPlugin, SearchPlugin, IngestPlugin,
        EnginePlugin {

    private NodeEmbedder embedder;
    private PooledEmbedder pooledEmbedder;
    private Client client;
    private ThreadPool threadPool;
    private final SimilaritySearchStats searchStats = new SimilaritySearchStats();
    private final CatalogueProxiesCache catalogueProxies = new CatalogueProxiesCache();
    private final EmbeddingTimes embeddingTimes = new EmbeddingTimes();
    private final NodeSearchServices searchServices = new NodeSearchServices(this::pooledEmbedder, searchStats,
            catalogueProxies, new FilterBitSetCache());
    private LookalikeNodeStats nodeStats;

    /** Called by OpenSearch's plug-in loader; costs nothing (the model loads on first use). */
    public LookalikePlugin() {
    }

    @Override
    public List<Setting<?>> getSettings() {
        return LookalikeSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        return List.of(InferenceThreadPool.builder(settings));
    }

    /**
     * Describes the node's model from its settings; loads nothing.
     *
     * @throws IllegalArgumentException if {@code lookalike.model} or {@code lookalike.djl_cache} lies outside the
     *                                  node's paths that plug-ins may read or write: the node refuses to start,
     *                                  with the setting named
     */
    @Override
    public Collection<Object> createComponents(Client client, ClusterService clusterService, ThreadPool threadPool,
            ResourceWatcherService resourceWatcherService, ScriptService scriptService,
            NamedXContentRegistry xContentRegistry, Environment environment, NodeEnvironment nodeEnvironment,
            NamedWriteableRegistry namedWriteableRegistry, IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<RepositoriesService> repositoriesServiceSupplier) {
        Settings settings = environment.settings();
        this.threadPool = threadPool;
        this.client = client;
        this.embedder = new NodeEmbedder(LookalikeSettings.model(environment), LookalikeSettings.djlCache(environment),
                threadPool.info(InferenceThreadPool.NAME).getMax(), LookalikeSettings.imageLimits(settings),
                LookalikeSettings.pixelBudget(settings), embeddingTimes);
        this.pooledEmbedder = new PooledEmbedder(embedder, threadPool);
        this.nodeStats = new LookalikeNodeStats(searchStats, embedder, embeddingTimes, catalogueProxies, threadPool);
        return List.of(embedder, nodeStats);
    }

    private PooledEmbedder pooledEmbedder() {
        if (pooledEmbedder == null) {
            throw new IllegalStateException("the Lookalike plug-in has not started yet");
        }
        return pooledEmbedder;
    }

    @Override
    public Map<String, Mapper.TypeParser> getMappers() {
        return Map.of(ImageVectorFieldMapper.CONTENT_TYPE, ImageVectorFieldMapper.PARSER);
    }

    @Override
    public List<QuerySpec<?>> getQueries() {
        return List.of(new QuerySpec<>(ImageKnnQueryBuilder.NAME,
                in -> new ImageKnnQueryBuilder(in, searchServices),
                parser -> ImageKnnQueryBuilder.fromXContent(parser, searchServices)));
    }

    /**
     * @throws IllegalArgumentException if {@code lookalike.ingest.file_root} lies outside the places plug-ins may
     *                                  read: the node refuses to start, with the setting named
     */
    @Override
    public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
        Settings settings = parameters.env.settings();
        long maxBytes = LookalikeSettings.MAX_IMAGE_BYTES.get(settings).getBytes();
        return Map.of(ImageEmbeddingProcessor.TYPE, new ImageEmbeddingProcessor.Factory(this::pooledEmbedder,
                new ImageFiles(LookalikeSettings.ingestFileRoot(parameters.env), maxBytes),
                LookalikeSettings.imageUrls(settings)));
    }

    /** Supplies the codecs of every index that the OpenSearch k-NN plug-in does not claim. */
    @Override
    public Optional<CodecServiceFactory> getCustomCodecServiceFactory(IndexSettings indexSettings) {
        return ImageVectorCodecService.appliesTo(indexSettings)
                ? Optional.of(ImageVectorCodecService::new) : Optional.empty();
    }

    @Override
    public List<RestHandler> getRestHandlers(Settings settings, RestController restController,
            ClusterSettings clusterSettings, IndexScopedSettings indexScopedSettings, SettingsFilter settingsFilter,
            IndexNameExpressionResolver indexNameExpressionResolver, Supplier<DiscoveryNodes> nodesInCluster) {
        return List.of(new RestModelAction(embedder, threadPool), new RestEmbedAction(embedder, threadPool),
                new RestRefreshProxiesAction(new ProxyRefresh(client, embedder)), new RestStatsAction(nodeStats));
    }

    /**
     * The cluster-manager action that stores catalogue proxies, one index at a time, and the nodes action that
     * gathers the nodes' figures.
     */
    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(new ActionHandler<>(StoreCatalogueProxiesAction.INSTANCE,
                TransportStoreCatalogueProxiesAction.class),
                new ActionHandler<>(LookalikeStatsAction.INSTANCE, TransportLookalikeStatsAction.class));
    }

    /** Frees the model, if it was loaded. */
    @Override
    public void close() throws IOException {
        if (embedder != null) {
            embedder.close();
        }
    }
}
