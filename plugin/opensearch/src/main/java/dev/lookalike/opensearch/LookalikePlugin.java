package dev.lookalike.opensearch;

import dev.lookalike.opensearch.model.NodeEmbedder;
import dev.lookalike.opensearch.rest.RestEmbedAction;
import dev.lookalike.opensearch.rest.RestModelAction;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
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
 * ({@link InferenceThreadPool}), the node's lazily loaded model ({@link NodeEmbedder}) and the REST endpoints
 * {@code GET /_plugins/lookalike/model} and {@code POST /_plugins/lookalike/_embed}. OpenSearch creates one
 * instance per node and closes it when the node stops, which frees the model's native memory.
 */
public class LookalikePlugin extends Plugin implements ActionPlugin {

    private NodeEmbedder embedder;
    private ThreadPool threadPool;

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
        this.embedder = new NodeEmbedder(LookalikeSettings.model(environment), LookalikeSettings.djlCache(environment),
                threadPool.info(InferenceThreadPool.NAME).getMax(), LookalikeSettings.imageLimits(settings));
        return List.of(embedder);
    }

    @Override
    public List<RestHandler> getRestHandlers(Settings settings, RestController restController,
            ClusterSettings clusterSettings, IndexScopedSettings indexScopedSettings, SettingsFilter settingsFilter,
            IndexNameExpressionResolver indexNameExpressionResolver, Supplier<DiscoveryNodes> nodesInCluster) {
        return List.of(new RestModelAction(embedder, threadPool), new RestEmbedAction(embedder, threadPool));
    }

    /** Frees the model, if it was loaded. */
    @Override
    public void close() throws IOException {
        if (embedder != null) {
            embedder.close();
        }
    }
}
