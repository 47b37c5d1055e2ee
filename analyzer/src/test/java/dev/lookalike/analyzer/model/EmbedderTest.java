package dev.lookalike.analyzer.model;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EmbedderTest {

    private static ModelBundle bundle;
    private static Embedder embedder;

    @BeforeAll
    static void openTinyModel() {
        DjlRuntime.configure();
        bundle = TinyBundles.tiny();
        embedder = Embedder.open(bundle, new EmbedderOptions(3, 2, ImageLimits.DEFAULT));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    /** A photo-like image: a random dark rectangle and ellipse on white. */
    private static BufferedImage photo(long seed) {
        Random random = new Random(seed);
        int w = 40 + random.nextInt(60);
        int h = 40 + random.nextInt(60);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(random.nextInt(0x808080)));
        g.fillRect(5 + random.nextInt(10), 5 + random.nextInt(10), 10 + random.nextInt(20), 10 + random.nextInt(20));
        g.fillOval(random.nextInt(20), random.nextInt(20), 10 + random.nextInt(20), 10 + random.nextInt(20));
        g.dispose();
        return image;
    }

    private static List<float[]> inputs(int count, long seed) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(embedder.preprocessor().apply(photo(seed + i)));
        }
        return out;
    }

    private static void assertUnit(float[] v) {
        assertEquals(16, v.length);
        assertEquals(1.0, VectorMath.dot(v, v), 1e-5);
    }

    @Test
    void vectorsAreUnitLengthOfTheSpecsDimension() {
        for (float[] v : embedder.embedInputs(inputs(7, 100))) {
            assertUnit(v);
        }
        assertUnit(embedder.embed(photo(1)));
    }

    @Test
    void differentImagesGiveDifferentVectors() {
        List<float[]> v = embedder.embedInputs(inputs(2, 200));
        assertTrue(VectorMath.dot(v.get(0), v.get(1)) < 0.99999f);
    }

    @Test
    void sameImageGivesTheSameVectorInABatchAndAlone() {
        List<float[]> in = inputs(7, 300);
        List<float[]> batched = embedder.embedInputs(in);
        assertEquals(7, batched.size());
        for (int i = 0; i < in.size(); i++) {
            assertArrayEquals(embedder.embedInputs(List.of(in.get(i))).get(0), batched.get(i), 1e-5f, "input " + i);
        }
        assertArrayEquals(embedder.embed(photo(300)), batched.get(0), 1e-5f);
    }

    @Test
    void batchSkipsBadFilesAndReportsEachByName(@TempDir Path dir) throws IOException {
        Path[] good = new Path[3];
        for (int i = 0; i < good.length; i++) {
            good[i] = dir.resolve("good-" + i + ".png");
            ImageIO.write(photo(400 + i), "png", good[i].toFile());
        }
        Path corrupt = dir.resolve("corrupt.png");
        byte[] png = Files.readAllBytes(good[0]);
        byte[] damaged = java.util.Arrays.copyOf(png, 40);
        Files.write(corrupt, damaged);
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path missing = dir.resolve("missing.png");
        List<Path> paths = List.of(good[0], corrupt, good[1], empty, missing, good[2]);
        List<Integer> progress = new ArrayList<>();

        BatchEmbedding result = embedder.embedImages(paths.stream().map(ImageSource::of).toList(), progress::add);

        assertEquals(6, result.vectors().size());
        assertEquals(3, result.embeddedCount());
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        for (int i : new int[] {0, 2, 5}) {
            float[] alone = embedder.embed(decoder.decode(paths.get(i)));
            assertNotNull(result.vectors().get(i), "good image " + i);
            assertArrayEquals(alone, result.vectors().get(i), 1e-5f, "good image " + i);
        }
        List<BatchEmbedding.Skipped> skipped = result.skipped();
        assertEquals(List.of(1, 3, 4), skipped.stream().map(BatchEmbedding.Skipped::index).toList());
        assertEquals(List.of(corrupt.toString(), empty.toString(), missing.toString()),
                skipped.stream().map(BatchEmbedding.Skipped::name).toList());
        for (BatchEmbedding.Skipped s : skipped) {
            assertNull(result.vectors().get(s.index()));
            assertTrue(s.reason().contains(s.name()), s.reason());
        }
        assertEquals(List.of(3, 6), progress, "progress after each batch of 3");
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsSequential() throws Exception {
        List<float[]> in = inputs(10, 500);
        List<float[]> sequential = embedder.embedInputs(in);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<float[]>> task = () -> {
                    start.await();
                    List<float[]> all = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        all = embedder.embedInputs(in);
                    }
                    return all;
                };
                futures.add(pool.submit(task));
            }
            for (Future<List<float[]>> f : futures) {
                List<float[]> got = f.get();
                for (int i = 0; i < in.size(); i++) {
                    assertArrayEquals(sequential.get(i), got.get(i), 1e-6f, "input " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mirrorAveragingEmbedsTheNormalisedMeanOfTheImageAndItsMirror() {
        // The shipped model on shoes, which point one way: the tiny random model embeds every image almost
        // alike, and the trained one maps symmetric blobs to one point, too alike to tell mirrors apart.
        Path installed = FashionMnist.defaultDirectory();
        assumeTrue(Files.isDirectory(installed), "Fashion-MNIST is not installed");
        FashionMnist test = FashionMnist.load(installed, "test");
        ModelBundle shipped = ModelBundle.load("fashion").withMirrorAverage(false).withProxyAnchor(0f);
        ModelBundle mirrored = shipped.withMirrorAverage(true);
        Preprocessor preprocessor = new Preprocessor(shipped.spec().input());
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<float[]> in = IntStream.of(0, 9, 12, 23).mapToObj(i -> preprocessor.apply(test.image(i, decoder))).toList();
        int w = shipped.spec().input().width();
        List<float[]> flipped = new ArrayList<>();
        for (float[] x : in) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = x[(i / w) * w + (w - 1 - i % w)];
            }
            flipped.add(f);
        }
        List<float[]> plain;
        List<float[]> mirrorPlain;
        try (Embedder single = Embedder.open(shipped, new EmbedderOptions(2, 1, ImageLimits.DEFAULT))) {
            plain = single.embedInputs(in);
            mirrorPlain = single.embedInputs(flipped);
        }
        try (Embedder averaging = Embedder.open(mirrored, new EmbedderOptions(2, 2, ImageLimits.DEFAULT))) {
            List<float[]> averaged = averaging.embedInputs(in);
            List<float[]> averagedOfMirrors = averaging.embedInputs(flipped);
            for (int i = 0; i < in.size(); i++) {
                float[] expected = VectorMath.normalize(VectorMath.sum(plain.get(i), mirrorPlain.get(i)));
                assertArrayEquals(expected, averaged.get(i), 1e-5f, "input " + i);
                assertArrayEquals(averaged.get(i), averagedOfMirrors.get(i), 1e-5f, "an image and its mirror embed alike");
                double moved = 0;
                for (int j = 0; j < expected.length; j++) {
                    moved = Math.max(moved, Math.abs(plain.get(i)[j] - averaged.get(i)[j]));
                }
                assertTrue(moved > 1e-3, "the mirror changes the embedding of a shoe: " + moved);
            }
        }
    }

    @Test
    void proxyAnchoringAppliesToTheNetworksEmbeddingAfterMirrorAveraging() {
        List<float[]> in = inputs(5, 60);
        ModelBundle mirrored = bundle.withMirrorAverage(true);
        ModelBundle anchored = mirrored.withProxyAnchor(0.5f);
        ProxyAnchor anchor = ProxyAnchor.of(anchored);
        try (Embedder plain = Embedder.open(mirrored, new EmbedderOptions(2, 1, ImageLimits.DEFAULT));
                Embedder anchoring = Embedder.open(anchored, new EmbedderOptions(2, 1, ImageLimits.DEFAULT))) {
            List<float[]> before = plain.embedInputs(in);
            List<float[]> after = anchoring.embedInputs(in);
            for (int i = 0; i < in.size(); i++) {
                assertArrayEquals(anchor.apply(before.get(i)), after.get(i), 1e-5f, "input " + i);
                assertUnit(after.get(i));
                double moved = 0;
                for (int j = 0; j < after.get(i).length; j++) {
                    moved = Math.max(moved, Math.abs(before.get(i)[j] - after.get(i)[j]));
                }
                assertTrue(moved > 1e-3, "anchoring moves the embedding: " + moved);
            }
        }
    }

    @Test
    void classifiedEmbeddingsAreAnchoredButPredictedFromTheNetworksOwnEmbedding() {
        List<float[]> in = inputs(7, 80);
        ModelBundle anchored = bundle.withProxyAnchor(0.6f);
        try (Embedder plain = Embedder.open(bundle, new EmbedderOptions(3, 1, ImageLimits.DEFAULT));
                Embedder anchoring = Embedder.open(anchored, new EmbedderOptions(3, 1, ImageLimits.DEFAULT))) {
            List<float[]> network = plain.embedInputs(in);
            List<float[]> vectors = anchoring.embedInputs(in);
            List<ClassifiedEmbedding> classified = anchoring.embedAndClassifyInputs(in);
            assertEquals(in.size(), classified.size());
            for (int i = 0; i < in.size(); i++) {
                assertArrayEquals(vectors.get(i), classified.get(i).vector(), 1e-6f, "input " + i);
                ProxyClassifier.Prediction own = plain.classifier().predict(network.get(i));
                assertEquals(own.label(), classified.get(i).prediction().label(), "input " + i);
                assertEquals(own.probability(), classified.get(i).prediction().probability(), 1e-5f, "input " + i);
            }
        }
    }

    @Test
    void inputOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> embedder.embedInputs(List.of(new float[100])));
    }

    @Test
    void parametersThatDoNotFitTheArchitectureAreRefused() {
        NetworkSpec wider = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(8), List.of(8)), 16, 0f);
        ModelBundle mismatched = ModelBundle.of(TinyBundles.spec("mismatched", wider),
                bundle.parameters(), bundle.proxies());
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> {
            try (Embedder bad = Embedder.open(mismatched, EmbedderOptions.defaults())) {
                bad.embed(photo(1));
            }
        });
        assertTrue(e.getMessage().contains("mismatched"), e.getMessage());
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void parametersTrainedForAnotherInputSizeAreRefused() {
        ModelSpec tiny = bundle.spec();
        ModelSpec smallInput = new ModelSpec(tiny.formatVersion(), "small-input", tiny.network(),
                new InputSpec(16, 16, 1, 0.5f, 0.25f, "dark", true, 0.08f), tiny.classes(), tiny.temperature(),
                false, 0f, null, null, null, null, null);
        ModelBundle mismatched = ModelBundle.of(smallInput, bundle.parameters(), bundle.proxies());
        assertThrows(AnalyzerInputException.class, () -> Embedder.open(mismatched, EmbedderOptions.defaults()).close());
    }

    @Test
    void parametersWithFewerLayersThanTheArchitectureAreRefused() {
        NetworkSpec deeper = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(8, 8)), 16, 0f);
        ModelBundle mismatched = ModelBundle.of(TinyBundles.spec("deeper", deeper),
                bundle.parameters(), bundle.proxies());
        assertThrows(AnalyzerInputException.class, () -> Embedder.open(mismatched, EmbedderOptions.defaults()).close());
    }
}
