package dev.lookalike.analyzer.train;

import ai.djl.Device;
import ai.djl.Model;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.model.DjlRuntime;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.EmbedderOptions;
import dev.lookalike.analyzer.model.EmbeddingNetwork;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.PixelImage;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingWhitenerTest {

    private static final NetworkSpec TINY = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(8)), 16, 0f);
    private static final ShapesDataset SHAPES = ShapesDataset.of(60, 1);
    private static final float SHRINKAGE = 1e-4f;

    private static ModelBundle trained;
    private static ModelBundle whitened;

    /** Hears nothing. */
    private static final WhiteningListener QUIET = new WhiteningListener() {
        @Override
        public void imagesEmbedded(int done, int total) {
        }

        @Override
        public void info(String message) {
        }
    };

    @BeforeAll
    static void trainAndWhiten() {
        TrainingConfig config = new TrainingConfig("shapes", List.of(), 2, 30, 0.01f, 0.05f, 1e-4f, 1f / 9, 0f, true, 0f, 0f, false, 42);
        trained = new ProxyNcaTrainer(config, TINY, InputSpec.fashionMnist(), new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int batches) {
            }

            @Override
            public void batchDone(int epoch, int batch, float loss) {
            }

            @Override
            public void epochDone(EpochReport report) {
            }

            @Override
            public void info(String message) {
            }
        }).train(SHAPES, null, null, false);
        whitened = EmbeddingWhitener.whiten(trained, SHAPES, SHRINKAGE, QUIET);
    }

    /** The raw outputs of a bundle's network on the shapes, before normalisation. */
    private static float[][] rawOutputs(ModelBundle bundle) {
        return rawOutputs(bundle, false);
    }

    /** The same, of the shapes or of their mirror images. */
    private static float[][] rawOutputs(ModelBundle bundle, boolean mirrored) {
        DjlRuntime.configure();
        try (Model model = Model.newInstance("raw", Device.cpu(), "PyTorch")) {
            Preprocessor preprocessor = new Preprocessor(bundle.spec().input());
            PreparedImages images = PreparedImages.of(SHAPES, null, preprocessor, m -> { });
            return HeadOutputs.compute(EmbeddingNetwork.load(bundle, model.getNDManager()),
                    mirrored ? images.mirrored(preprocessor) : images,
                    bundle.spec().input(), bundle.spec().embeddingSize(), model.getNDManager(), done -> { });
        }
    }

    /** What a bundle's embedder returns for the shapes. */
    private static List<float[]> embeddings(ModelBundle bundle) {
        ImageDecoder decoder = new ImageDecoder(dev.lookalike.analyzer.image.ImageLimits.DEFAULT);
        try (Embedder embedder = Embedder.open(bundle, EmbedderOptions.defaults())) {
            List<float[]> inputs = new ArrayList<>();
            for (int i = 0; i < SHAPES.size(); i++) {
                inputs.add(embedder.preprocessor().apply(SHAPES.image(i, decoder)));
            }
            return embedder.embedInputs(inputs);
        }
    }

    @Test
    void theWhitenedNetworkDecorrelatesTheImagesItWasFittedOn() {
        float[][] out = rawOutputs(whitened);
        int d = out[0].length;
        double[] mean = new double[d];
        for (float[] r : out) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / out.length;
            }
        }
        double largest = 0;
        for (int i = 0; i < d; i++) {
            assertEquals(0, mean[i], 1e-3, "mean of output " + i);
            for (int j = 0; j < d; j++) {
                double c = 0;
                for (float[] r : out) {
                    c += (r[i] - mean[i]) * (r[j] - mean[j]) / (out.length - 1);
                }
                if (i == j) {
                    assertTrue(c > 0 && c <= 1 + 1e-3, "variance of output " + i + ": " + c);
                    largest = Math.max(largest, c);
                } else {
                    assertEquals(0, c, 1e-3, "covariance of outputs " + i + " and " + j);
                }
            }
        }
        assertEquals(1, largest, 1e-3, "the direction of largest variance comes out at unit variance");
    }

    @Test
    void embeddingsAreTheOriginalNetworksOutputsWhitenedAndNormalised() {
        float[][] raw = rawOutputs(trained);
        Whitening oracle = Whitening.fit(raw, SHRINKAGE);
        List<float[]> embeddings = embeddings(whitened);
        for (int i = 0; i < SHAPES.size(); i++) {
            assertArrayEquals(VectorMath.normalize(oracle.apply(raw[i])), embeddings.get(i), 1e-4f, "image " + i);
        }
    }

    @Test
    void aMirrorAveragingBundleIsWhitenedOnBothViewsAsItEmbedsThem() {
        ModelBundle mirroring = trained.withMirrorAverage(true);
        float[][] images = rawOutputs(mirroring, false);
        float[][] mirrors = rawOutputs(mirroring, true);
        float[][] both = new float[2 * images.length][];
        System.arraycopy(images, 0, both, 0, images.length);
        System.arraycopy(mirrors, 0, both, images.length, mirrors.length);
        Whitening oracle = Whitening.fit(both, SHRINKAGE);
        List<float[]> embeddings = embeddings(EmbeddingWhitener.whiten(mirroring, SHAPES, SHRINKAGE, QUIET));
        for (int i = 0; i < SHAPES.size(); i++) {
            float[] expected = VectorMath.normalize(VectorMath.sum(VectorMath.normalize(oracle.apply(images[i])),
                    VectorMath.normalize(oracle.apply(mirrors[i]))));
            assertArrayEquals(expected, embeddings.get(i), 1e-4f, "image " + i);
        }
    }

    @Test
    void proxiesSitAtTheirClassesAndTheSpecRecordsTheWhitening(@TempDir Path dir) throws Exception {
        assertNull(trained.spec().whitening());
        assertEquals("shapes 1", whitened.spec().whitening().dataset());
        assertEquals(180, whitened.spec().whitening().images());
        assertEquals(SHRINKAGE, whitened.spec().whitening().shrinkage());
        assertEquals(trained.spec().training(), whitened.spec().training(), "training provenance kept");
        assertFalse(java.util.Arrays.equals(trained.parameters(), whitened.parameters()));

        float[][] raw = rawOutputs(whitened);
        int nearestIsOwnClass = 0;
        for (int i = 0; i < raw.length; i++) {
            float[] v = VectorMath.normalize(raw[i]);
            int best = 0;
            float[][] proxies = whitened.proxies().vectors();
            for (int c = 0; c < proxies.length; c++) {
                assertEquals(1, VectorMath.dot(proxies[c], proxies[c]), 1e-5);
                best = VectorMath.dot(v, proxies[c]) > VectorMath.dot(v, proxies[best]) ? c : best;
            }
            nearestIsOwnClass += best == SHAPES.label(i) ? 1 : 0;
        }
        assertTrue(nearestIsOwnClass >= 0.9 * raw.length, nearestIsOwnClass + " of " + raw.length);

        whitened.save(dir);
        ModelBundle loaded = ModelBundle.load(dir);
        assertEquals(whitened.spec().whitening(), loaded.spec().whitening());
        assertArrayEquals(whitened.parameters(), loaded.parameters());
    }

    @Test
    void refusesABundleAlreadyWhitened() {
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> EmbeddingWhitener.whiten(whitened, SHAPES, SHRINKAGE, QUIET));
        assertTrue(e.getMessage().contains("model shapes") && e.getMessage().contains("already whitened"), e.getMessage());
    }

    @Test
    void refusesImagesLackingOneOfTheModelsClasses() {
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> EmbeddingWhitener.whiten(trained, renamed(List.of("horizontal", "vertical", "circle")), SHRINKAGE, QUIET));
        assertTrue(e.getMessage().contains("\"square\""), e.getMessage());
    }

    @Test
    void refusesShrinkageOutOfRange() {
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> EmbeddingWhitener.whiten(trained, SHAPES, 0f, QUIET));
        assertTrue(e.getMessage().startsWith("shrinkage: 0.0"), e.getMessage());
    }

    /** The shapes with other class names. */
    private static LabelledDataset renamed(List<String> names) {
        return new LabelledDataset() {
            @Override
            public String description() {
                return "renamed shapes";
            }

            @Override
            public int size() {
                return SHAPES.size();
            }

            @Override
            public int label(int index) {
                return SHAPES.label(index);
            }

            @Override
            public List<String> classNames() {
                return names;
            }

            @Override
            public String itemName(int index) {
                return SHAPES.itemName(index);
            }

            @Override
            public PixelImage image(int index, ImageDecoder decoder) {
                return SHAPES.image(index, decoder);
            }
        };
    }
}
