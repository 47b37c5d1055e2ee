package dev.lookalike.analyzer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.model.DjlRuntime;
import dev.lookalike.analyzer.model.EmbeddingNetwork;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ModelSpec;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.analyzer.model.TrainingProvenance;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Trains an embedding network with the Proxy-NCA++ loss on DJL's PyTorch engine, in Java: class-balanced
 * batches, augmentation on the CPU (optionally simulated users' photos first, see {@code PhotoAugmenter}),
 * Adam with a cosine schedule and a faster rate for the proxies, an
 * evaluation on held-out images after each epoch, and a checkpoint (a complete bundle) after each epoch
 * from which a run can resume. A checkpoint also carries the optimizer's moments, the raw proxies and the
 * instance memory, and every epoch draws its batches, augmentation and dropout from its own seed, so a
 * resumed run goes on as the uninterrupted run would have.
 */
public final class ProxyNcaTrainer {

    private final TrainingConfig config;
    private final NetworkSpec network;
    private final InputSpec input;
    private final TrainingListener listener;

    /**
     * @param config   the run's settings
     * @param network  the architecture to train
     * @param input    the input specification the bundle will carry
     * @param listener hears progress
     */
    public ProxyNcaTrainer(TrainingConfig config, NetworkSpec network, InputSpec input, TrainingListener listener) {
        this.config = config;
        this.network = network;
        this.input = input;
        this.listener = listener;
    }

    /**
     * Runs the training.
     *
     * @param train       the training images
     * @param heldOut     images to evaluate on after each epoch (restricted to the trained classes for the
     *                    proxy accuracy), or {@code null}
     * @param checkpoints a directory for per-epoch checkpoints, or {@code null}
     * @param resume      whether to continue from the newest checkpoint in {@code checkpoints}
     * @return the trained bundle
     * @throws AnalyzerInputException if the data holds none of the requested classes, or a checkpoint
     *                                cannot be resumed
     */
    public ModelBundle train(LabelledDataset train, LabelledDataset heldOut, Path checkpoints, boolean resume) {
        return train(train, heldOut, checkpoints, resume, null);
    }

    /**
     * Runs the training, starting from a trained bundle's network and proxies instead of random ones: to
     * fine-tune a model (at a lower learning rate, say) on the same classes.
     *
     * @param train       the training images
     * @param heldOut     images to evaluate on after each epoch, or {@code null}
     * @param checkpoints a directory for per-epoch checkpoints, or {@code null}
     * @param resume      whether to continue from the newest checkpoint in {@code checkpoints}
     * @param start       the bundle to start from, or {@code null} for a random start
     * @return the trained bundle
     * @throws AnalyzerInputException if {@code start} has another architecture, input size or other classes, if
     *                                there are fewer than 2 classes, or if none of a class's images can be read
     */
    public ModelBundle train(LabelledDataset train, LabelledDataset heldOut, Path checkpoints, boolean resume,
            ModelBundle start) {
        DjlRuntime.configure();
        long started = System.nanoTime();
        List<Integer> classes = config.classes().isEmpty()
                ? IntStream.range(0, train.classNames().size()).boxed().toList() : config.classes();
        for (int c : classes) {
            if (c < 0 || c >= train.classNames().size()) {
                throw new AnalyzerInputException("class " + c, "not a label of " + train.description()
                        + " (0.." + (train.classNames().size() - 1) + ")");
            }
        }
        List<String> classNames = classes.stream().map(train.classNames()::get).toList();
        if (classes.size() < 2) {
            throw new AnalyzerInputException(train.description(), "has " + classes.size() + (classes.size() == 1 ? " category" : " categories") + " to train on "
                    + classNames + ": Proxy-NCA learns to tell categories apart and needs at least 2");
        }
        Preprocessor preprocessor = new Preprocessor(input);
        PreparedImages data = PreparedImages.of(train, classes, preprocessor, listener::info);
        requireEveryClassReadable(data, classNames, train);
        PreparedImages eval = heldOut == null ? null : PreparedImages.of(heldOut, null, preprocessor, listener::info);
        listener.info("training on " + data.size() + " images of " + classes.size() + " classes from "
                + train.description() + (eval == null ? "" : "; evaluating on " + eval.size() + " of " + heldOut.description()));

        Engine.getInstance().setRandomSeed((int) config.seed());
        BalancedBatchSampler sampler = new BalancedBatchSampler(data.labels(), classes.size(), config.batchSize());
        int batches = sampler.batchesPerEpoch(data.size());
        int totalUpdates = batches * config.epochs();
        Checkpoints store = checkpoints == null ? null : new Checkpoints(checkpoints);
        int firstEpoch = 1;
        ModelBundle resumed = start;
        if (start != null && (!start.spec().classes().equals(classNames) || !start.spec().network().equals(network)
                || !start.spec().input().sameShape(input))) {
            throw new AnalyzerInputException("model " + start.spec().name(),
                    "cannot start from it: it was trained on other classes, another architecture or another input size");
        }
        if (resume && store != null) {
            Pair<Integer, ModelBundle> latest = store.latest();
            if (latest != null) {
                firstEpoch = latest.getKey() + 1;
                resumed = latest.getValue();
                if (!resumed.spec().classes().equals(classNames) || !resumed.spec().network().equals(network)
                        || !resumed.spec().input().sameShape(input)) {
                    throw new AnalyzerInputException(checkpoints.toString(), "the checkpoint was trained on other"
                            + " classes, another architecture or another input size");
                }
                listener.info("resuming after epoch " + latest.getKey() + " from " + checkpoints);
            }
        }

        ProxyNcaBlock block = new ProxyNcaBlock(EmbeddingNetwork.build(network), classes.size(), network.embeddingSize());
        try (Model model = Model.newInstance(config.name(), Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            int doneUpdates = (firstEpoch - 1) * batches;
            SplitRateOptimizer optimizer = new SplitRateOptimizer(Set.of(block.proxies().getId()),
                    Optimizer.adam()
                            .optLearningRateTracker(cosine(config.learningRate(), totalUpdates))
                            .optWeightDecays(config.weightDecay())
                            .optBeginNumUpdate(doneUpdates)
                            .build(),
                    Optimizer.adam()
                            .optLearningRateTracker(cosine(config.proxyLearningRate(), totalUpdates))
                            .optBeginNumUpdate(doneUpdates)
                            .build());
            ProxyNcaLoss loss = new ProxyNcaLoss(config.temperature());
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer))) {
                trainer.initialize(new Shape(config.batchSize(), input.channels(), input.height(), input.width()));
                InstanceMemory memory = config.instanceWeight() > 0
                        ? new InstanceMemory(data.size(), network.embeddingSize(), 0.5f, config.seed()) : null;
                byte[] state = firstEpoch > 1 ? store.state(firstEpoch - 1) : null;
                if (state != null) {
                    // The state holds every parameter's raw value, so the checkpoint's bundle need not be read in.
                    TrainingState.restore(state, block, optimizer, memory, trainer.getManager());
                } else if (resumed != null) {
                    block.restore(resumed, trainer.getManager());
                    if (firstEpoch > 1) {
                        listener.info("the checkpoint carries no training state (written by an older version):"
                                + " the optimizer's moments restart");
                    }
                }
                Augmenter augmenter = new Augmenter(input.width(), input.height(), input.channels(), config.erasing());
                PhotoAugmenter photos = new PhotoAugmenter(config.photoAugmentation(), config.photoJpeg(), preprocessor);
                HeldOutEvaluator evaluator = new HeldOutEvaluator(input, network.embeddingSize());
                for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    long epochSeed = config.seed() * 1_000_003L + epoch;
                    Engine.getInstance().setRandomSeed((int) epochSeed);
                    SplittableRandom random = new SplittableRandom(epochSeed);
                    int[][] plan = sampler.epoch(batches, random);
                    long[] seeds = random.longs(batches).toArray();
                    listener.epochStarted(epoch, batches);
                    double lossSum = 0;
                    for (int b = 0; b < batches; b++) {
                        float l = step(trainer, loss, memory, data, plan[b], augmenter, photos, new SplittableRandom(seeds[b]), preprocessor);
                        lossSum += l;
                        listener.batchDone(epoch, b + 1, l);
                    }
                    double seconds = (System.nanoTime() - epochStart) / 1e9;
                    double[] figures = eval == null ? new double[] {Double.NaN, Double.NaN}
                            : evaluator.evaluate(block, eval, classes, trainer.getManager());
                    listener.epochDone(new EpochReport(epoch, lossSum / batches,
                            (double) batches * config.batchSize() / seconds, figures[0], figures[1]));
                    String photoReport = photos.takeReport();
                    if (photoReport != null) {
                        listener.info("epoch " + epoch + " " + photoReport);
                    }
                    if (store != null) {
                        ModelBundle checkpoint = bundle(block, start, train, classNames, data.size(), epoch, started);
                        store.save(epoch, checkpoint, TrainingState.encode(block, optimizer, memory));
                        listener.info("checkpoint of epoch " + epoch + " written to " + store.directory(epoch));
                    }
                }
                return bundle(block, start, train, classNames, data.size(), config.epochs(), started);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the trained model: " + e.getMessage(), e);
        }
    }

    private static Tracker cosine(float base, int updates) {
        return Tracker.cosine().setBaseValue(base).optFinalValue(base / 100).setMaxUpdates(Math.max(1, updates)).build();
    }

    private static void requireEveryClassReadable(PreparedImages data, List<String> classNames, LabelledDataset train) {
        int[] perClass = new int[classNames.size()];
        for (int label : data.labels()) {
            perClass[label]++;
        }
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] == 0) {
                throw new AnalyzerInputException(train.description() + " category " + classNames.get(c),
                        "none of its images can be read (listed above): fix or remove them");
            }
        }
    }

    private float step(Trainer trainer, ProxyNcaLoss loss, InstanceMemory memory, PreparedImages data, int[] batch,
            Augmenter augmenter, PhotoAugmenter photos, SplittableRandom random, Preprocessor preprocessor) {
        int size = input.size();
        float[] pixels = new float[batch.length * size];
        float[] labels = new float[batch.length];
        long[] seeds = random.longs(batch.length).toArray();
        IntStream.range(0, batch.length).parallel().forEach(j -> {
            float[] source = photos.augment(data.image(batch[j]), seeds[j]);
            float[] img = config.augment() ? augmenter.augment(source, new SplittableRandom(seeds[j])) : source.clone();
            System.arraycopy(preprocessor.normalize(img), 0, pixels, j * size, size);
            labels[j] = data.labels()[batch[j]];
        });
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = manager.create(pixels, new Shape(batch.length, input.channels(), input.height(), input.width()));
            NDArray y = manager.create(labels);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                NDArray value = loss.evaluate(new NDList(y), out);
                if (memory != null) {
                    // Each image against every other training image, through the memory bank.
                    NDArray instances = manager.create(batch.clone()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                    NDArray bank = memory.asArray(manager);
                    value = value.add(loss.evaluate(new NDList(instances), new NDList(out.get(0), bank))
                            .mul(config.instanceWeight()));
                }
                collector.backward(value);
                float result = value.getFloat();
                trainer.step();
                if (memory != null) {
                    memory.update(batch, out.get(0).toFloatArray());
                }
                return result;
            }
        }
    }

    private ModelBundle bundle(ProxyNcaBlock block, ModelBundle start, LabelledDataset train, List<String> classNames, int images, int epochs,
            long started)
            throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        block.embedding().saveParameters(new DataOutputStream(params));
        TrainingProvenance provenance = new TrainingProvenance(train.description(),
                train instanceof FashionMnist fashion ? fashion.split() : "all",
                config.classes().isEmpty() ? IntStream.range(0, classNames.size()).boxed().toList() : config.classes(),
                images, epochs, config.batchSize(), config.learningRate(), config.proxyLearningRate(),
                config.temperature(), config.weightDecay(), config.instanceWeight(), config.augment() ? config.erasing() : 0f,
                config.photoAugmentation(), PhotoAugmenter.kindNames(config.photoAugmentation(), config.photoJpeg()),
                config.seed(), Instant.now().toString(), (System.nanoTime() - started) / 1e9,
                start == null ? null : start.spec(), null);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, config.name(), network, input, classNames,
                config.temperature(), false, 0f, null, null, null, provenance, null);
        return ModelBundle.of(spec, params.toByteArray(), new Proxies(classNames, block.unitProxies()));
    }

}
