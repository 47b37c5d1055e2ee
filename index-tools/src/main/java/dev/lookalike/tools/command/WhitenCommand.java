package dev.lookalike.tools.command;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.dataset.FolderDataset;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.model.BundleFolder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.TrainingProvenance;
import dev.lookalike.analyzer.train.EmbeddingWhitener;
import dev.lookalike.analyzer.train.Whitening;
import dev.lookalike.analyzer.train.WhiteningListener;
import dev.lookalike.tools.cli.BuiltInModels;
import dev.lookalike.tools.cli.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike whiten}: fits a whitening of a trained bundle's embedding on images of the classes it knows,
 * folds it into the projection layer and writes the result as a new bundle with its proxies at the class means.
 */
@Command(name = "whiten", mixinStandardHelpOptions = true,
        description = {"Whiten a trained model's embedding and write it as a new bundle.",
            "Fits the mean and covariance of the network's outputs on images of the classes the model knows (by"
                + " default those it was trained on), folds the whitening into its projection layer and places each"
                + " proxy at its class's mean. For models searched over classes they never saw (open set)."})
public final class WhitenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME|DIR", completionCandidates = BuiltInModels.class,
            description = "The model to whiten: a built-in model (${COMPLETION-CANDIDATES}) or a bundle directory "
                    + "(not one already whitened).")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "A new folder for the whitened bundle (one that holds no bundle yet).")
    Path out;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "fashion-mnist, or a folder laid out as DIR/<category>/<images> with the model's"
                    + " class names as categories. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--split", paramLabel = "train|fit",
            description = "Fashion-MNIST split to fit on. Default: the split the model was trained on, so that"
                    + " the validation and test splits stay unseen.")
    String split;

    @Option(names = "--shrinkage", defaultValue = "0.001", paramLabel = "S",
            description = "Floor added to every variance before dividing, as a fraction of the largest variance,"
                    + " above 0 and at most 1: smaller whitens harder. Default: ${DEFAULT-VALUE}.")
    float shrinkage;

    @Override
    public Integer call() throws Exception {
        Whitening.requireShrinkage("--shrinkage", shrinkage);
        if (Files.exists(out.resolve(ModelBundle.SPEC_FILE))) {
            throw new IllegalArgumentException("--out " + out + " already holds a model bundle; choose a new folder");
        }
        BundleFolder.requireReplaceable(out, "--out");
        ModelBundle bundle = ModelBundle.load(model);
        LabelledDataset images = open(bundle);
        ModelBundle whitened;
        try (Progress progress = new Progress("whitening", images.size(), "img")) {
            whitened = EmbeddingWhitener.whiten(bundle, images, shrinkage, new WhiteningListener() {
                @Override
                public void imagesEmbedded(int done, int total) {
                    progress.accept(done);
                }

                @Override
                public void info(String message) {
                    spec.commandLine().getErr().println(message);
                }
            });
        }
        BundleFolder.write(whitened, out, "--out");
        spec.commandLine().getOut().printf("model %s whitened on %d images of %s (shrinkage %s), written to %s%n",
                whitened.spec().name(), whitened.spec().whitening().images(), images.description(), shrinkage, out);
        return 0;
    }

    private LabelledDataset open(ModelBundle bundle) {
        if (!"fashion-mnist".equals(dataset)) {
            if (split != null) {
                throw new IllegalArgumentException("--split is for --dataset fashion-mnist, not a folder");
            }
            return FolderDataset.open(Path.of(dataset));
        }
        TrainingProvenance training = bundle.spec().training();
        String chosen = split != null ? split
                : training != null && FashionMnist.SPLITS.contains(training.split()) ? training.split() : null;
        if (chosen == null) {
            throw new AnalyzerInputException("--model " + model, "its spec does not say which Fashion-MNIST split it"
                    + " was trained on; name one with --split train|fit");
        }
        if (!List.of("train", "fit").contains(chosen)) {
            throw new IllegalArgumentException("--split: expected train or fit (images the model may have seen),"
                    + " got \"" + chosen + "\"");
        }
        return FashionMnist.load(chosen);
    }
}
