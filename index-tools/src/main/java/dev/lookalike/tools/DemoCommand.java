package dev.lookalike.tools;

import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.dataset.PhotoQuerySimulator;
import dev.lookalike.analyzer.eval.EmbeddingEvaluation;
import dev.lookalike.analyzer.eval.EvaluationReport;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ProxyClassifier;
import dev.lookalike.analyzer.model.VectorMath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookalike demo}: from nothing to a look at the model's results. Embeds Fashion-MNIST's test
 * images with the shipped model, prints its quality figures, and writes an HTML page of example queries
 * (catalogue items and simulated user photos of them) beside their nearest catalogue items, and a PNG map
 * of the embeddings.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Embed Fashion-MNIST's test images, print the model's quality figures, and write an HTML page",
            "of example queries (catalogue items and simulated user photos) beside their nearest items,",
            "and a PNG map of the embeddings."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--out", defaultValue = "lookalike-demo", paramLabel = "DIR",
            description = "Where to write index.html and embedding-map.png. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--results", defaultValue = "8", description = "Results shown per query. Default: ${DEFAULT-VALUE}.")
    int results;

    @Override
    public Integer call() throws IOException {
        if (results < 1 || results > 100) {
            throw new IllegalArgumentException("--results must be in 1..100, got " + results);
        }
        LabelledDataset test = FashionMnist.load("test");
        ModelBundle bundle = model.bundle();
        try (Embedder embedder = model.embedder(bundle)) {
            BatchEmbedding embedded;
            try (Progress progress = new Progress("embedding", test.size(), "img")) {
                embedded = embedder.embedDataset(test, progress);
            }
            float[][] vectors = embedded.vectors().toArray(float[][]::new);
            int[] labels = IntStream.range(0, test.size()).map(test::label).toArray();
            EvaluationReport report = new EmbeddingEvaluation().evaluate(vectors, labels);
            System.out.printf("model %s on %s (%d images, leave-one-out, cosine):%n",
                    bundle.spec().name(), test.description(), test.size());
            report.toOrderedMap().forEach((k, v) -> System.out.printf("  %-9s %s%n", k, v == null ? "-" : String.format(Locale.ROOT, "%.4f", v)));

            ResultsPage page = new ResultsPage("Lookalike demo: model " + bundle.spec().name());
            page.paragraph(String.format(Locale.ROOT, "Gallery: the %d images of %s. Recall@1 %.4f, MAP@R %.4f, NMI %.4f.",
                    test.size(), test.description(), report.recallAtK().get(1), report.mapAtR(), report.nmi()));
            addExamples(page, embedder, test, vectors);
            Path html = out.resolve("index.html");
            page.write(html);
            Path map = out.resolve("embedding-map.png");
            EmbeddingMapPlot.write(vectors, labels, test.classNames(),
                    "Model " + bundle.spec().name() + ": " + test.description() + " embeddings", map);
            System.out.println("results page: " + html.toAbsolutePath());
            System.out.println("embedding map: " + map.toAbsolutePath());
        }
        return 0;
    }

    private void addExamples(ResultsPage page, Embedder embedder, LabelledDataset test, float[][] vectors) {
        ImageDecoder decoder = embedder.decoder();
        PhotoQuerySimulator photos = VectorSource.photos();
        ProxyClassifier classifier = embedder.classifier();
        for (int label = 0; label < test.classNames().size(); label++) {
            int item = firstWithLabel(test, label);
            BufferedImage itemImage = test.image(item, decoder).toBufferedImage();
            page.row(row("catalogue item #" + item + " (" + test.classNames().get(label) + ")", itemImage,
                    vectors[item], item, label, test, vectors, classifier, decoder));
            byte[] jpeg = photos.photo(item, test.image(item, decoder));
            BufferedImage photo = decoder.decode(jpeg, "photo of #" + item);
            page.row(row("simulated user photo of item #" + item, photo, embedder.embed(photo), item, label, test,
                    vectors, classifier, decoder));
        }
    }

    private ResultsPage.Row row(String title, BufferedImage queryImage, float[] query, int exclude, int label,
            LabelledDataset test, float[][] vectors, ProxyClassifier classifier, ImageDecoder decoder) {
        ProxyClassifier.Prediction predicted = classifier.predict(query);
        List<ResultsPage.Tile> tiles = new ArrayList<>();
        for (int i : nearest(query, vectors, exclude)) {
            tiles.add(new ResultsPage.Tile(test.image(i, decoder).toBufferedImage(), test.classNames().get(test.label(i)),
                    String.format(Locale.ROOT, "#%d cos %.3f", i, VectorMath.dot(query, vectors[i])), test.label(i) == label));
        }
        ResultsPage.Tile queryTile = new ResultsPage.Tile(queryImage, test.classNames().get(label),
                String.format(Locale.ROOT, "predicted %s %.2f", predicted.name(), predicted.probability()), null);
        return new ResultsPage.Row(title, queryTile, tiles);
    }

    private int[] nearest(float[] query, float[][] vectors, int exclude) {
        return VectorMath.nearest(query, vectors, exclude, results);
    }

    private static int firstWithLabel(LabelledDataset data, int label) {
        return IntStream.range(0, data.size()).filter(i -> data.label(i) == label).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(data.description() + " has no item of label " + label));
    }
}
