package dev.lookalike.tools.command.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ImageSource;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.TempFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookalike bench embed}: images/s of the whole embedding pipeline on PNG files (read, decode,
 * preprocess, batch, infer, normalise) next to the bare libtorch forward pass on the same, already
 * prepared tensors, in the same run.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Throughput of embedding PNG files (decode + preprocess + inference, in batches) next"
                + " to the bare libtorch forward pass on the same tensors, in the same run; prints images/s and their"
                + " ratio."})
final class EmbedBenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--images", defaultValue = "4000", description = "How many Fashion-MNIST test images to write as PNG and embed. Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds of each (the best round counts). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Override
    public Integer call() throws IOException, TranslateException {
        if (images < 1 || rounds < 1) {
            throw new IllegalArgumentException("--images and --rounds must be positive");
        }
        ModelBundle bundle = model.bundle();
        try (TempFolder dir = TempFolder.create("lookalike-bench-");
                Embedder embedder = model.embedder(bundle)) {
            List<ImageSource> files = writePngs(dir.path(), embedder.spec().input());
            List<float[]> inputs = prepare(files, embedder);
            double pipeline = 0;
            double bare = 0;
            embedder.embedImages(files.subList(0, Math.min(256, files.size())), done -> { });
            for (int r = 0; r < rounds; r++) {
                pipeline = Math.max(pipeline, timePipeline(embedder, files));
                bare = Math.max(bare, timeBare(embedder, inputs));
            }
            System.out.printf("model %s, %d PNG files of %dx%d, batch %d, %d cores, best of %d rounds%n",
                    bundle.spec().name(), files.size(), embedder.spec().input().width(), embedder.spec().input().height(),
                    model.batchSize(), Runtime.getRuntime().availableProcessors(), rounds);
            System.out.printf("%-52s %10s%n", "stage", "images/s");
            System.out.printf("%-52s %10.0f%n", "lookalike pipeline: read + decode + preprocess + infer", pipeline);
            System.out.printf("%-52s %10.0f%n", "bare libtorch forward on the same tensors", bare);
            System.out.printf("%-52s %10.2f%n", "ratio pipeline / bare", pipeline / bare);
        }
        return 0;
    }

    private List<ImageSource> writePngs(Path dir, InputSpec spec) throws IOException {
        SampledDataset sample = SampledDataset.random(FashionMnist.load("test"), images, 1);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<ImageSource> out = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            Path file = dir.resolve(String.format("%05d.png", i));
            ImageIO.write(sample.image(i, decoder).toBufferedImage(), "png", file.toFile());
            out.add(ImageSource.of(file));
        }
        return out;
    }

    private static List<float[]> prepare(List<ImageSource> files, Embedder embedder) {
        Preprocessor preprocessor = embedder.preprocessor();
        return files.stream().map(f -> preprocessor.apply(f.decode(embedder.decoder()))).toList();
    }

    private static double timePipeline(Embedder embedder, List<ImageSource> files) {
        long start = System.nanoTime();
        BatchEmbedding result = embedder.embedImages(files, done -> { });
        long nanos = System.nanoTime() - start;
        if (!result.skipped().isEmpty()) {
            throw new IllegalStateException("benchmark images were skipped: " + result.skipped().get(0).reason());
        }
        return files.size() / (nanos / 1e9);
    }

    /**
     * The bare forward pass on the same tensors the pipeline runs: with a mirror-averaging model, each input
     * and its mirror. Reported per image, as the pipeline is.
     */
    private double timeBare(Embedder embedder, List<float[]> images) throws TranslateException {
        InputSpec spec = embedder.spec().input();
        List<float[]> inputs = new ArrayList<>(images);
        if (embedder.spec().mirrorAverage()) {
            images.forEach(x -> inputs.add(embedder.preprocessor().mirror(x)));
        }
        int batch = model.batchSize();
        try (NDManager manager = NDManager.newBaseManager();
                Predictor<NDList, NDList> predictor = embedder.newBarePredictor()) {
            List<NDList> batches = new ArrayList<>();
            for (int from = 0; from < inputs.size(); from += batch) {
                int to = Math.min(inputs.size(), from + batch);
                float[] flat = new float[(to - from) * spec.size()];
                for (int i = from; i < to; i++) {
                    System.arraycopy(inputs.get(i), 0, flat, (i - from) * spec.size(), spec.size());
                }
                batches.add(new NDList(manager.create(flat, new Shape(to - from, spec.channels(), spec.height(), spec.width()))));
            }
            long start = System.nanoTime();
            for (NDList b : batches) {
                predictor.predict(b).close();
            }
            return images.size() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
