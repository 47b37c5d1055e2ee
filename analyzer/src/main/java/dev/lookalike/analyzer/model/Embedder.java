package dev.lookalike.analyzer.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Images to 64-d unit embeddings with a model bundle, on DJL's PyTorch engine. Create one per process and
 * share it: the model is loaded once, and a small pool of DJL predictors (one per concurrent caller, as
 * DJL requires) serves batches from any number of threads. Batches are stacked by DJL; while the network
 * runs on one batch, the next one is decoded and preprocessed on other threads. An image's embedding is the
 * network's unit output, averaged with its mirror image's and pulled towards its expected proxy
 * ({@link ProxyAnchor}) when the bundle's spec asks for them.
 */
public final class Embedder implements AutoCloseable {

    private final ModelBundle bundle;
    private final Model model;
    private final Preprocessor preprocessor;
    private final ImageDecoder decoder;
    private final ProxyClassifier classifier;
    private final ProxyAnchor anchor;
    private final BlockingQueue<Predictor<float[], float[]>> predictors;
    private final List<Predictor<float[], float[]>> allPredictors = new ArrayList<>();
    private final int batchSize;

    private Embedder(ModelBundle bundle, EmbedderOptions options) {
        DjlRuntime.configure();
        this.bundle = bundle;
        this.batchSize = options.batchSize();
        this.preprocessor = new Preprocessor(bundle.spec().input());
        this.decoder = new ImageDecoder(options.limits());
        this.classifier = new ProxyClassifier(bundle.proxies(), bundle.spec().temperature());
        this.anchor = ProxyAnchor.of(bundle);
        this.model = Model.newInstance(bundle.spec().name(), Device.cpu(), "PyTorch");
        Block block;
        try {
            block = EmbeddingNetwork.load(bundle, model.getNDManager());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        model.setBlock(block);
        this.predictors = new ArrayBlockingQueue<>(options.predictors());
        EmbeddingTranslator translator = new EmbeddingTranslator(bundle.spec().input());
        for (int i = 0; i < options.predictors(); i++) {
            Predictor<float[], float[]> p = model.newPredictor(translator);
            allPredictors.add(p);
            predictors.add(p);
        }
    }

    /**
     * Loads a bundle into a new embedder.
     *
     * @param bundle  the model bundle
     * @param options batch size, predictor pool size and image limits
     * @return the embedder; close it when the process is done with it
     * @throws AnalyzerInputException if the parameters do not fit the spec's architecture
     */
    public static Embedder open(ModelBundle bundle, EmbedderOptions options) {
        return new Embedder(bundle, options);
    }

    /** @return the bundle's spec */
    public ModelSpec spec() {
        return bundle.spec();
    }

    /** @return the bundle this embedder runs */
    public ModelBundle bundle() {
        return bundle;
    }

    /** @return the preprocessor of this model's input specification */
    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /** @return the decoder, with this embedder's image limits */
    public ImageDecoder decoder() {
        return decoder;
    }

    /** @return the classifier over this model's proxies */
    public ProxyClassifier classifier() {
        return classifier;
    }

    /**
     * Embeds already preprocessed inputs, in batches. Thread-safe; blocks while all predictors are busy.
     *
     * @param inputs inputs of {@link InputSpec#size()} floats each
     * @return one unit vector per input, in order
     */
    public List<float[]> embedInputs(List<float[]> inputs) {
        return inBatches(inputs, this::infer);
    }

    /**
     * Embeds already preprocessed inputs, as {@link #embedInputs}, and classifies each by the proxies. The
     * class is predicted from the network's embedding before proxy anchoring: anchoring moves a vector towards
     * its likely proxies, so a prediction made from the anchored vector would be surer than the model is (on
     * Fashion-MNIST's validation split, images predicted with 80–95 % probability from anchored vectors are
     * right 68 % of the time; from the network's embedding, 88 %). Thread-safe.
     *
     * @param inputs inputs of {@link InputSpec#size()} floats each
     * @return one embedding with its prediction per input, in order
     */
    public List<ClassifiedEmbedding> embedAndClassifyInputs(List<float[]> inputs) {
        List<ClassifiedEmbedding> out = new ArrayList<>(inputs.size());
        for (float[] e : inBatches(inputs, this::networkEmbeddings)) {
            float[] p = classifier.probabilities(e);
            out.add(new ClassifiedEmbedding(anchor.apply(e, p), classifier.mostProbable(p)));
        }
        return out;
    }

    /** Runs {@code run} over consecutive batches of at most {@code batchSize} inputs, results in order. */
    private List<float[]> inBatches(List<float[]> inputs, Function<List<float[]>, List<float[]>> run) {
        List<float[]> out = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += batchSize) {
            out.addAll(run.apply(inputs.subList(from, Math.min(inputs.size(), from + batchSize))));
        }
        return out;
    }

    /**
     * Embeds one decoded image.
     *
     * @param image a decoded image
     * @return its unit embedding
     */
    public float[] embed(BufferedImage image) {
        return infer(List.of(preprocessor.apply(image))).get(0);
    }

    /**
     * Embeds many images: decodes and preprocesses each batch on the common fork-join pool while the
     * previous batch runs through the network. Inputs that cannot be decoded are skipped and reported;
     * the rest go on.
     *
     * @param sources  the images
     * @param progress called with the number of inputs finished after each batch
     * @return one vector per input ({@code null} where skipped) and the skipped inputs
     */
    public BatchEmbedding embedImages(List<ImageSource> sources, IntConsumer progress) {
        return embedEach(sources.size(), i -> preprocessor.apply(sources.get(i).decode(decoder)),
                i -> sources.get(i).name(), progress);
    }

    /**
     * Embeds every item of a labelled dataset, as {@link #embedImages} does.
     *
     * @param data     the dataset
     * @param progress called with the number of items finished after each batch
     * @return one vector per item ({@code null} where skipped) and the skipped items
     */
    public BatchEmbedding embedDataset(LabelledDataset data, IntConsumer progress) {
        return embedEach(data.size(), i -> preprocessor.apply(data.image(i, decoder)), data::itemName, progress);
    }

    private BatchEmbedding embedEach(int n, IntFunction<float[]> prepare, IntFunction<String> name,
            IntConsumer progress) {
        float[][] inputs = new float[n][];
        String[] errors = new String[n];
        List<float[]> vectors = new ArrayList<>(Collections.nCopies(n, null));
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            ranges.add(new int[] {from, Math.min(n, from + batchSize)});
        }
        CompletableFuture<Void> next = ranges.isEmpty() ? null : prepareAsync(ranges.get(0), prepare, name, inputs, errors);
        for (int r = 0; r < ranges.size(); r++) {
            next.join();
            int[] range = ranges.get(r);
            if (r + 1 < ranges.size()) {
                next = prepareAsync(ranges.get(r + 1), prepare, name, inputs, errors);
            }
            int[] ok = IntStream.range(range[0], range[1]).filter(i -> inputs[i] != null).toArray();
            List<float[]> embedded = infer(IntStream.of(ok).mapToObj(i -> inputs[i]).toList());
            for (int j = 0; j < ok.length; j++) {
                vectors.set(ok[j], embedded.get(j));
                inputs[ok[j]] = null;
            }
            progress.accept(range[1]);
        }
        List<BatchEmbedding.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (errors[i] != null) {
                skipped.add(new BatchEmbedding.Skipped(i, name.apply(i), errors[i]));
            }
        }
        return new BatchEmbedding(vectors, skipped);
    }

    private static CompletableFuture<Void> prepareAsync(int[] range, IntFunction<float[]> prepare,
            IntFunction<String> name, float[][] inputs, String[] errors) {
        return CompletableFuture.runAsync(() -> IntStream.range(range[0], range[1]).parallel().forEach(i -> {
            try {
                inputs[i] = prepare.apply(i);
            } catch (AnalyzerInputException e) {
                errors[i] = e.getMessage();
            } catch (RuntimeException e) {
                errors[i] = name.apply(i) + ": " + e;
            }
        }));
    }

    private List<float[]> infer(List<float[]> batch) {
        List<float[]> out = networkEmbeddings(batch);
        out.replaceAll(anchor::apply);
        return out;
    }

    /** The network's unit embeddings, averaged with the mirror images' when the spec says so; not anchored. */
    private List<float[]> networkEmbeddings(List<float[]> batch) {
        if (batch.isEmpty()) {
            return new ArrayList<>();
        }
        int size = bundle.spec().input().size();
        for (float[] input : batch) {
            if (input.length != size) {
                throw new IllegalArgumentException("input of " + input.length + " floats, the model takes " + size);
            }
        }
        Predictor<float[], float[]> predictor = borrow();
        try {
            if (!bundle.spec().mirrorAverage()) {
                return new ArrayList<>(predictor.batchPredict(batch));
            }
            List<float[]> both = new ArrayList<>(batch);
            batch.forEach(x -> both.add(preprocessor.mirror(x)));
            List<float[]> embedded = predictor.batchPredict(both);
            List<float[]> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.add(VectorMath.normalize(VectorMath.sum(embedded.get(i), embedded.get(batch.size() + i))));
            }
            return out;
        } catch (TranslateException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    private Predictor<float[], float[]> borrow() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
    }

    /**
     * A predictor of the bare network, without decoding, preprocessing or normalisation: for measuring
     * what the rest of the pipeline costs next to the libtorch forward pass alone. The caller closes it.
     *
     * @return a predictor mapping an input batch {@code (N, C, H, W)} to raw embeddings {@code (N, d)}
     */
    public Predictor<NDList, NDList> newBarePredictor() {
        return model.newPredictor(new NoopTranslator());
    }

    /** Closes the predictors and frees the model's native memory. */
    @Override
    public void close() {
        allPredictors.forEach(Predictor::close);
        model.close();
    }

    @Override
    public String toString() {
        return "Embedder[" + bundle.spec().name() + ", batch " + batchSize + ", predictors "
                + allPredictors.size() + ", classes " + Arrays.toString(bundle.spec().classes().toArray()) + "]";
    }
}
