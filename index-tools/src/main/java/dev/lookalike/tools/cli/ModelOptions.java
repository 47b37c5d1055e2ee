package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.ModelBundle;
import picocli.CommandLine.Option;

/** The options that pick and run a model bundle. */
public final class ModelOptions {

    @Option(names = "--model", defaultValue = "fashion", paramLabel = "NAME|DIR", completionCandidates = BuiltInModels.class,
            description = "A built-in model (${COMPLETION-CANDIDATES}) or a bundle directory. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--batch-size", defaultValue = "64", description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    /** @return the {@code --batch-size}: images per forward pass */
    public int batchSize() {
        return batchSize;
    }

    /** @return the loaded, verified bundle */
    public ModelBundle bundle() {
        return ModelBundle.load(model);
    }

    /**
     * @param bundle a loaded bundle
     * @return an embedder for it; the caller closes it
     */
    public Embedder embedder(ModelBundle bundle) {
        EmbedderOptions defaults = EmbedderOptions.defaults();
        return Embedder.open(bundle, new EmbedderOptions(batchSize, defaults.predictors(), defaults.limits()));
    }
}
