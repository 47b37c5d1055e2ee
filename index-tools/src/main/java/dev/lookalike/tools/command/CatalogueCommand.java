package dev.lookalike.tools.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike catalogue}: turns a labelled dataset into a catalogue that {@code lookalike index} reads:
 * one PNG per item under {@code DIR/images/} and {@code DIR/catalogue.jsonl} with one JSON object per item
 * ({@code id}, {@code image} relative to DIR, {@code category}, {@code title}). Images are written in
 * parallel on the common pool; the catalogue file is written through a temporary file and moved into place,
 * so a crash never leaves a half-written catalogue.
 */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {"Write a labelled dataset as a catalogue: DIR/images/<id>.png and DIR/catalogue.jsonl,",
            "one line per item: {\"id\", \"image\", \"category\", \"title\"}. Ids are <split>-NNNNN for",
            "Fashion-MNIST and item-NNNNN for a folder dataset."})
public final class CatalogueCommand implements Callable<Integer> {

    /** The catalogue file's name inside the output folder. */
    public static final String CATALOGUE_FILE = "catalogue.jsonl";
    /** The image folder's name inside the output folder. */
    static final String IMAGES = "images";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write catalogue.jsonl and images/; created if missing.")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "Write only the first N items (all by default).")
    Integer limit;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        LabelledDataset dataset = data.open();
        int n = limit == null ? dataset.size() : Math.min(limit, dataset.size());
        String prefix = data.isFashionMnist() ? data.split() : "item";
        Path images = out.resolve(IMAGES);
        Files.createDirectories(images);
        writeImages(dataset, n, prefix, images);
        Path catalogue = out.resolve(CATALOGUE_FILE);
        Path tmp = Files.createTempFile(out, CATALOGUE_FILE, ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(line(dataset, i, prefix));
                w.write('\n');
            }
        }
        Files.move(tmp, catalogue, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("%d items of %s written to %s%n", n, dataset.description(), catalogue);
        return 0;
    }

    private static void writeImages(LabelledDataset dataset, int n, String prefix, Path images) {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        AtomicInteger done = new AtomicInteger();
        try (Progress progress = new Progress("writing images", n, "img")) {
            IntStream.range(0, n).parallel().forEach(i -> {
                Path file = images.resolve(id(prefix, i) + ".png");
                try {
                    ImageIO.write(dataset.image(i, decoder).toBufferedImage(), "png", file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                progress.accept(done.incrementAndGet());
            });
        }
    }

    private static String line(LabelledDataset dataset, int i, String prefix) throws IOException {
        String category = dataset.classNames().get(dataset.label(i));
        ObjectNode node = JSON.createObjectNode()
                .put("id", id(prefix, i))
                .put("image", IMAGES + "/" + id(prefix, i) + ".png")
                .put("category", category)
                .put("title", category + " #" + i);
        return JSON.writeValueAsString(node);
    }

    /**
     * @param prefix the split or {@code item}
     * @param index  the item's index in the dataset
     * @return the item's catalogue id, e.g. {@code test-00042}
     */
    static String id(String prefix, int index) {
        return String.format(Locale.ROOT, "%s-%05d", prefix, index);
    }
}
