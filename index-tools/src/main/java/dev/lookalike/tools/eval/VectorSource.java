package dev.lookalike.tools.eval;

import dev.lookalike.analyzer.dataset.ImageSurvey;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.distort.PhotoQuerySimulator;
import dev.lookalike.analyzer.distort.QuerySimulator;
import dev.lookalike.analyzer.eval.PrincipalComponents;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ImageSource;
import dev.lookalike.analyzer.model.ModelSpec;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.PixelImage;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.cli.SkipReport;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Where an evaluation's vectors come from: a model bundle, or a baseline (raw pixels, PCA-64). Vectors
 * are {@code null} for items that could not be read; those are reported on stderr.
 */
public abstract class VectorSource implements AutoCloseable {

    /** How many of the evaluated images a baseline looks at to tell a colour dataset from a grey one. */
    private static final int SURVEYED = 200;

    /** @return how to name this source in reports, e.g. the model's name or {@code pixels} */
    public abstract String name();

    /** @return the labels the model was trained on, or {@code null} for a baseline */
    public abstract List<Integer> trainedClasses();

    /**
     * @param data the images
     * @param task what to call the work on the progress bar
     * @return one vector per image, {@code null} for images that could not be read
     */
    public abstract float[][] vectors(LabelledDataset data, String task);

    /**
     * Like {@link #vectors}, but of simulated user photos of the images, each decoded and preprocessed as a
     * user's image would be.
     *
     * @param data      the images
     * @param simulator what makes the photos
     * @param task      what to call the work on the progress bar
     * @return one vector per image, {@code null} for images that could not be read
     */
    public abstract float[][] queryVectors(LabelledDataset data, QuerySimulator simulator, String task);

    @Override
    public void close() {
    }

    /** @return the simulator of user photos that evaluations and the demo use, with its fixed seed and quality */
    public static PhotoQuerySimulator photos() {
        return new PhotoQuerySimulator(QueryKind.DEFAULT_SEED, QueryKind.PHOTO_QUALITY);
    }

    /**
     * @param embedder the model; closed with the source
     * @return a source of the model's embeddings
     */
    public static VectorSource model(Embedder embedder) {
        return new ModelSource(embedder);
    }

    /**
     * @param kind      {@code pixels} or {@code pca}
     * @param data      the dataset options, whose training split a PCA is fitted on
     * @param evaluated the dataset to be evaluated: if any of its images has colour, the pixels are read in colour
     * @return a source of baseline vectors: the images fitted to 28 × 28 as Fashion-MNIST's models fit them, 1 or 3
     *         channels
     * @throws IllegalArgumentException naming {@code --baseline} if the kind is unknown
     */
    public static VectorSource baseline(String kind, DatasetOptions data, LabelledDataset evaluated) {
        InputSpec grey = InputSpec.fashionMnist();
        boolean colour = ImageSurvey.of(evaluated, new ImageDecoder(ImageLimits.DEFAULT), SURVEYED).colour();
        InputSpec spec = colour ? grey.resized(grey.width(), grey.height(), 3) : grey;
        Preprocessor fit = new Preprocessor(spec);
        int dimensions = spec.width() * spec.height() * spec.channels();
        return switch (kind) {
            case "pixels" -> new PixelSource("pixels (raw, " + dimensions + "-d)", fit, v -> v);
            case "pca" -> {
                LabelledDataset train = data.open("train");
                ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
                float[][] rows = IntStream.range(0, train.size()).parallel()
                        .mapToObj(i -> fit.fit(train.image(i, decoder)).pixels()).toArray(float[][]::new);
                PrincipalComponents pca = PrincipalComponents.fit(rows, 64);
                yield new PixelSource("pca-64 (fitted on " + train.description() + ")", fit, pca::project);
            }
            default -> throw new IllegalArgumentException("--baseline: expected pixels or pca, got " + kind);
        };
    }

    private static final class ModelSource extends VectorSource {
        private final Embedder embedder;

        ModelSource(Embedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public String name() {
            ModelSpec spec = embedder.spec();
            return String.format(Locale.ROOT, "model %s (mirror average %s, proxy anchor %s)", spec.name(),
                    spec.mirrorAverage() ? "on" : "off", spec.proxyAnchor() == 0 ? "off" : spec.proxyAnchor());
        }

        @Override
        public List<Integer> trainedClasses() {
            return embedder.spec().training() == null ? null : embedder.spec().training().classesSeen();
        }

        @Override
        public float[][] vectors(LabelledDataset data, String task) {
            try (Progress progress = new Progress(task, data.size(), "img")) {
                return report(embedder.embedDataset(data, progress));
            }
        }

        @Override
        public float[][] queryVectors(LabelledDataset data, QuerySimulator simulator, String task) {
            List<ImageSource> sources = IntStream.range(0, data.size())
                    .mapToObj(i -> (ImageSource) new SimulatedQuery(data, i, simulator, embedder.decoder())).toList();
            try (Progress progress = new Progress(task, data.size(), "img")) {
                return report(embedder.embedImages(sources, progress));
            }
        }

        private static float[][] report(BatchEmbedding result) {
            SkipReport.print(result.skipped(), System.err);
            return result.vectors().toArray(float[][]::new);
        }

        @Override
        public void close() {
            embedder.close();
        }
    }

    /** A photo of a dataset item, made when it is decoded (so on the embedder's worker threads). */
    private record SimulatedQuery(LabelledDataset data, int index, QuerySimulator simulator, ImageDecoder decoder)
            implements ImageSource {
        @Override
        public String name() {
            return "photo of " + data.itemName(index);
        }

        @Override
        public BufferedImage decode(ImageDecoder unused) {
            return decoder.decode(simulator.query(index, data.image(index, decoder)), name());
        }
    }

    private static final class PixelSource extends VectorSource {
        private final String name;
        private final Preprocessor fit;
        private final Function<float[], float[]> project;
        private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

        PixelSource(String name, Preprocessor fit, Function<float[], float[]> project) {
            this.name = name;
            this.fit = fit;
            this.project = project;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Integer> trainedClasses() {
            return null;
        }

        @Override
        public float[][] vectors(LabelledDataset data, String task) {
            return withProgress(data.size(), task, i -> project.apply(fit.fit(data.image(i, decoder)).pixels()));
        }

        @Override
        public float[][] queryVectors(LabelledDataset data, QuerySimulator simulator, String task) {
            return withProgress(data.size(), task, i -> {
                PixelImage photo = PixelImage.fromRgb(
                        decoder.decode(simulator.query(i, data.image(i, decoder)), "photo"), fit.spec().channels());
                return project.apply(fit.fit(photo).pixels());
            });
        }

        /** The vectors of items 0 to count - 1, made in parallel under a progress bar. */
        private static float[][] withProgress(int count, String task, IntFunction<float[]> vector) {
            AtomicInteger done = new AtomicInteger();
            try (Progress progress = new Progress(task, count, "img")) {
                return IntStream.range(0, count).parallel().mapToObj(i -> {
                    float[] v = vector.apply(i);
                    progress.accept(done.incrementAndGet());
                    return v;
                }).toArray(float[][]::new);
            }
        }
    }
}
