package dev.lookalike.tools.command;

import dev.lookalike.analyzer.dataset.FolderDataset;
import dev.lookalike.analyzer.dataset.HeldOutSplit;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.model.BundleFolder;
import dev.lookalike.analyzer.model.HeldOutProvenance;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.model.ProxyAnchor;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.train.ProxyNcaTrainer;
import dev.lookalike.analyzer.train.TrainingConfig;
import dev.lookalike.tools.cli.ClassLabels;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.NetworkInputOptions;
import dev.lookalike.tools.cli.ProgressTrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lookalike train}: trains a model bundle with the Proxy-NCA++ loss. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an embedding model with the Proxy-NCA++ loss and write a model bundle.",
            "Shows a progress bar per epoch, evaluates on held-out images after each epoch (for a folder dataset, a"
                    + " seeded share of each category held out of training: --held-out) and writes a"
                    + " checkpoint (a complete bundle) per epoch; --resume continues from the newest one.",
            "The bundle is written to a hidden folder beside --out and moved into place when complete; --out must"
                    + " not exist, be empty, or hold an earlier bundle (which is replaced)."})
public final class TrainCommand implements Callable<Integer> {

    /** The default epochs see at least this many training images in all. */
    static final int MIN_IMAGES_SEEN = 100_000;
    /** The fewest epochs by default. */
    static final int MIN_EPOCHS = 20;
    /** The most epochs by default. */
    static final int MAX_EPOCHS = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Mixin
    NetworkInputOptions shape;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the trained bundle.")
    Path out;

    @Option(names = "--name", defaultValue = "fashion", description = "The model's name in its spec. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--classes", paramLabel = "LIST",
            description = "Labels to train on, e.g. 0-4 or 0,2,5 (the others stay unseen, for open-set evaluation). Default: all.")
    String classes;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs. Default: from the number of training images, " + MIN_IMAGES_SEEN + " / images,"
                    + " at least " + MIN_EPOCHS + " and at most " + MAX_EPOCHS + " (20 for Fashion-MNIST).")
    Integer epochs;

    @Option(names = "--batch-size", defaultValue = "120", description = "Images per class-balanced batch. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate of the network (cosine decay). Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--proxy-lr", defaultValue = "0.02", description = "Adam learning rate of the proxies. Default: ${DEFAULT-VALUE}.")
    float proxyLearningRate;

    @Option(names = "--weight-decay", defaultValue = "0.0001", description = "Weight decay of the network. Default: ${DEFAULT-VALUE}.")
    float weightDecay;

    @Option(names = "--temperature", defaultValue = "0.1111", description = "Softmax temperature of the loss (ProxyNCA++: 1/9). Default: ${DEFAULT-VALUE}.")
    float temperature;

    @Option(names = "--instance-weight", defaultValue = "0",
            description = "Weight of an instance-discrimination term (each image told apart from all others through a"
                    + " memory bank), which keeps the embedding useful for classes never seen in training; 0: off. Default: ${DEFAULT-VALUE}.")
    float instanceWeight;

    @Option(names = "--no-augment", description = "Train without augmentation.")
    boolean noAugment;

    @Option(names = "--random-erasing", defaultValue = "0", paramLabel = "P",
            description = "Probability that an augmented training image also gets a random rectangle overwritten with noise (random erasing). Default: ${DEFAULT-VALUE}.")
    float erasing;

    @Option(names = "--photo-augmentation", defaultValue = "0", paramLabel = "P",
            description = "Probability, 0 to 1, that a training image is first turned into a simulated user's photo:"
                    + " a random subset of the distortions of eval --queries (background, scale-shift, rotation, blur,"
                    + " brightness-contrast), then the model's preprocessing again, before the other augmentation."
                    + " Default: ${DEFAULT-VALUE} (off).")
    float photoAugmentation;

    @Option(names = "--photo-jpeg",
            description = "Add JPEG compression (quality 20 to 60) to the distortions of --photo-augmentation (the costliest of them).")
    boolean photoJpeg;

    @Option(names = "--stages", paramLabel = "C|C,C|…",
            description = "The network's convolution channels: stages separated by '|', the convolutions of a stage by ','. "
                    + "Default: the --init bundle's network, else 24|48,48|96,96.")
    String stages;

    @Option(names = "--mirror-average",
            description = "Write a bundle whose embedding of an image is the normalised mean of the network's embeddings of the image and its mirror image (test-time augmentation; twice the inference).")
    boolean mirrorAverage;

    @Option(names = "--proxy-anchor", defaultValue = "0", paramLabel = "W",
            description = "Write a bundle that pulls each embedding towards its expected proxy with this weight, 0 to below 1"
                    + " (tighter classes; for models searched over the classes they were trained on, not for open-set models)."
                    + " Default: ${DEFAULT-VALUE} (off).")
    float proxyAnchor;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for initialisation, sampling and augmentation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--train-split", defaultValue = "fit", paramLabel = "fit|train",
            description = "Fashion-MNIST split to train on: fit (the training split's first 55,000 images, leaving the last 5,000 as the validation split) or train (all 60,000). Default: ${DEFAULT-VALUE}.")
    String trainSplit;

    @Option(names = "--eval-split", defaultValue = "validation", paramLabel = "validation|test",
            description = "Fashion-MNIST split evaluated after each epoch when training on all classes (monitoring only). With --classes, the training split's images of the other classes are used instead. Default: ${DEFAULT-VALUE}.")
    String evalSplit;

    @Option(names = "--eval-images", defaultValue = "2000", description = "How many held-out images to evaluate on after each epoch (0: none). Default: ${DEFAULT-VALUE}.")
    int evalImages;

    @Option(names = "--held-out", defaultValue = "0.1", paramLabel = "FRACTION",
            description = "A folder dataset: the share of each category held out of training to evaluate on after each"
                    + " epoch, seeded by --seed (at least 2 images of a category with 4 or more, 1 of one with 2 or 3);"
                    + " 0: train on everything, no per-epoch figures. Default: ${DEFAULT-VALUE}.")
    double heldOutFraction;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Write a checkpoint bundle per epoch here.")
    Path checkpoints;

    @Option(names = "--resume", description = "Continue from the newest checkpoint in --checkpoints.")
    boolean resume;

    @Option(names = "--init", paramLabel = "NAME|DIR",
            description = "Start from this bundle's network and proxies (same classes and architecture) instead of a random start: fine-tuning.")
    String init;

    @Override
    public Integer call() throws Exception {
        ProxyAnchor.requireWeight("--proxy-anchor", proxyAnchor);
        TrainingConfig.requireProbability("--random-erasing", erasing);
        TrainingConfig.requireProbability("--photo-augmentation", photoAugmentation);
        if (resume && checkpoints == null) {
            throw new IllegalArgumentException("--resume needs --checkpoints DIR");
        }
        List<Integer> labels = ClassLabels.parse(classes);
        if (!List.of("fit", "train").contains(trainSplit)) {
            throw new IllegalArgumentException("--train-split: expected fit or train, got \"" + trainSplit + "\"");
        }
        if ("train".equals(trainSplit) && "validation".equals(evalSplit) && labels.isEmpty() && evalImages > 0) {
            throw new IllegalArgumentException("--eval-split validation is part of --train-split train: pick"
                    + " --train-split fit, --eval-split test (monitoring only) or --eval-images 0");
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("--held-out: expected a fraction from 0 to below 1, got " + heldOutFraction);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs: expected at least 1, got " + epochs);
        }
        if (checkpoints != null && checkpoints.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out and --checkpoints are both " + out
                    + ": the finished bundle would replace the checkpoints; pick two folders");
        }
        BundleFolder.requireReplaceable(out, "--out");
        TrainingData split = trainingData(data.open(trainSplit), labels);
        LabelledDataset train = split.train();
        LabelledDataset heldOut = split.heldOut();
        int epochCount = epochs != null ? epochs : defaultEpochs(trainingImages(train, labels));
        if (epochs == null) {
            console().printf("training for %d epochs (%d training images: %,d / images, from %d to %d; --epochs sets it)%n",
                    epochCount, trainingImages(train, labels), MIN_IMAGES_SEEN, MIN_EPOCHS, MAX_EPOCHS);
        }
        TrainingConfig config = new TrainingConfig(name, labels, epochCount, batchSize, learningRate,
                proxyLearningRate, weightDecay, temperature, instanceWeight, !noAugment, erasing,
                photoAugmentation, photoJpeg, seed);
        ModelBundle start = init == null ? null : ModelBundle.load(init);
        NetworkSpec network = shape.network(stages != null ? parseStages(stages)
                : start != null ? start.spec().network() : NetworkSpec.fashionDefault());
        InputSpec input = shape.input(train, data.isFashionMnist(), start, console());
        ProxyNcaTrainer trainer = new ProxyNcaTrainer(config, network, input,
                new ProgressTrainingListener(epochCount, batchSize, console()));
        ModelBundle trained = trainer.train(train, heldOut, checkpoints, resume, start);
        ModelBundle bundle = trained.withMirrorAverage(mirrorAverage).withProxyAnchor(proxyAnchor);
        if (split.heldOutSplit() != null) {
            bundle = bundle.withTraining(bundle.spec().training().withHeldOut(split.heldOutSplit()));
        }
        BundleFolder.write(bundle, out, "--out");
        console().printf("model %s written to %s (%.0f s)%n", name, out, bundle.spec().training().seconds());
        return 0;
    }

    private PrintWriter console() {
        return spec.commandLine().getOut();
    }

    /**
     * The images to train on, those to evaluate on after each epoch ({@code null}: none) and, for a folder, the
     * held-out split to record in the bundle ({@code null}: none).
     */
    private record TrainingData(LabelledDataset train, LabelledDataset heldOut, HeldOutProvenance heldOutSplit) {

        TrainingData(LabelledDataset train, LabelledDataset heldOut) {
            this(train, heldOut, null);
        }
    }

    private TrainingData trainingData(LabelledDataset all, List<Integer> labels) {
        if (all instanceof FolderDataset folder) {
            folder.requireNoEmptyCategory();
        }
        if (evalImages > 0 && labels.isEmpty() && !data.isFashionMnist() && heldOutFraction > 0) {
            HeldOutSplit split = HeldOutSplit.stratified(all, heldOutFraction, seed);
            console().printf("held out %d of %d images (%s) to evaluate on after each epoch; training on %d%n",
                    split.heldOut().size(), all.size(), heldOutShare(), split.train().size());
            LabelledDataset heldOut = split.heldOut().size() > evalImages
                    ? SampledDataset.random(split.heldOut(), evalImages, seed) : split.heldOut();
            return new TrainingData(split.train(), heldOut.size() == 0 ? null : heldOut, heldOut.size() == 0 ? null
                    : HeldOutProvenance.of(split, heldOutFraction, seed));
        }
        if (evalImages > 0 && !labels.isEmpty()) {
            // Open set: the training split's images of the classes left out are never trained on, so they
            // measure what matters (unseen classes) without touching the test split.
            return new TrainingData(all, SampledDataset.random(
                    SampledDataset.ofLabels(all, c -> !labels.contains(c), "unseen classes"), evalImages, seed));
        }
        if (evalImages > 0 && data.isFashionMnist()) {
            return new TrainingData(all, SampledDataset.random(data.open(evalSplit), evalImages, seed));
        }
        return new TrainingData(all, null);
    }

    private String heldOutShare() {
        return String.format(Locale.ROOT, "%.0f %% of each category, seed %d", heldOutFraction * 100, seed);
    }

    private static int trainingImages(LabelledDataset train, List<Integer> labels) {
        return labels.isEmpty() ? train.size()
                : (int) IntStream.range(0, train.size()).filter(i -> labels.contains(train.label(i))).count();
    }

    /**
     * The default epochs: enough for the run to see {@value #MIN_IMAGES_SEEN} images, from {@value #MIN_EPOCHS}
     * to {@value #MAX_EPOCHS} epochs (a few hundred images train for longer; Fashion-MNIST's 55,000 for 20).
     *
     * @param images the training images
     * @return the epochs
     */
    static int defaultEpochs(int images) {
        long needed = (MIN_IMAGES_SEEN + Math.max(1, images) - 1) / Math.max(1, images);
        return (int) Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, needed));
    }

    /**
     * @param spec stages separated by {@code |}, the channels of each convolution of a stage by {@code ,}
     * @return the default network with those stages
     */
    static NetworkSpec parseStages(String spec) {
        List<List<Integer>> parsed = new ArrayList<>();
        try {
            for (String stage : spec.split("\\|", -1)) {
                List<Integer> convolutions = new ArrayList<>();
                for (String channels : stage.split(",", -1)) {
                    int c = Integer.parseInt(channels.trim());
                    if (c < 1 || c > 1024) {
                        throw new NumberFormatException();
                    }
                    convolutions.add(c);
                }
                parsed.add(convolutions);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--stages: \"" + spec
                    + "\" is not a list of stages such as 24|48,48|96,96 (channels from 1 to 1024)");
        }
        NetworkSpec defaults = NetworkSpec.fashionDefault();
        return new NetworkSpec(defaults.architecture(), parsed, defaults.embeddingSize(), defaults.dropout());
    }
}
