package dev.lookalike.tools.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.dataset.ColourFashionMnist;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.Progress;
import java.awt.image.BufferedImage;
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
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike catalogue}: turns a labelled dataset into a catalogue that {@code lookalike index} reads:
 * one PNG per item under {@code DIR/images/} and {@code DIR/catalogue.jsonl} with one JSON object per item
 * ({@code id}, {@code image} relative to DIR, {@code category}, {@code title}, and {@code colour} with
 * {@code --colours}), or, with {@code --layout folders}, a training folder {@code DIR/<label>/<id>.png}.
 * {@code --colours} renders Fashion-MNIST in colour ({@link ColourFashionMnist}). Images are written in
 * parallel on the common pool; the catalogue file is written through a temporary file and moved into place,
 * so a crash never leaves a half-written catalogue.
 */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {"Write a labelled dataset as a catalogue: DIR/images/<id>.png and DIR/catalogue.jsonl,"
                + " one line per item: {\"id\", \"image\", \"category\", \"title\"} (and \"colour\" with --colours),"
                + " or, with --layout folders, as a training folder DIR/<label>/<id>.png that train and eval read.",
            "Ids are <split>-NNNNN for Fashion-MNIST and item-NNNNN for a folder dataset."})
public final class CatalogueCommand implements Callable<Integer> {

    /** The catalogue file's name inside the output folder. */
    public static final String CATALOGUE_FILE = "catalogue.jsonl";
    /** The image folder's name inside the output folder. */
    static final String IMAGES = "images";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the items are laid out in the output folder. */
    enum Layout { catalogue, folders }

    /** What names an item's folder with {@code --layout folders}. */
    enum FolderLabel {
        category, category_colour;

        @Override
        public String toString() {
            return name().replace('_', '+');
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write catalogue.jsonl and images/ (or the label folders); created if missing.")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "Write only the first N items (all by default).")
    Integer limit;

    @Option(names = "--colours",
            description = "Fashion-MNIST only: draw each product in one of 8 named colours (red, orange, yellow,"
                    + " green, teal, blue, purple, pink; picked per item from --seed) on white, at --size pixels.")
    boolean colours;

    @Option(names = "--size", paramLabel = "PX",
            description = "With --colours: the side of the square images. Default: " + ColourFashionMnist.DEFAULT_SIZE + ".")
    Integer size;

    @Option(names = "--seed", defaultValue = "42", description = "With --colours: picks each item's colour. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--layout", defaultValue = "catalogue", paramLabel = "catalogue|folders",
            description = "catalogue: DIR/catalogue.jsonl and DIR/images/; folders: DIR/<label>/<id>.png, a training"
                    + " folder for train --dataset DIR. Default: ${DEFAULT-VALUE}.")
    Layout layout;

    @Option(names = "--label", defaultValue = "category", paramLabel = "category|category+colour",
            converter = FolderLabelConverter.class,
            description = "With --layout folders: name each folder after the category (T-shirt-top) or, with --colours,"
                    + " the category and the colour (T-shirt-top-red). Default: ${DEFAULT-VALUE}.")
    FolderLabel label;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        if (colours && !data.isFashionMnist()) {
            throw new IllegalArgumentException("--colours: only for --dataset fashion-mnist (its products are light on"
                    + " black, drawn in colour on white), got --dataset " + data.dataset());
        }
        if (size != null && !colours) {
            throw new IllegalArgumentException("--size needs --colours (other datasets keep their images' size)");
        }
        if (label == FolderLabel.category_colour && (!colours || layout != Layout.folders)) {
            throw new IllegalArgumentException("--label category+colour needs --colours and --layout folders");
        }
        LabelledDataset source = data.open();
        ColourFashionMnist coloured = colours ? new ColourFashionMnist(source,
                size == null ? ColourFashionMnist.DEFAULT_SIZE : size, seed) : null;
        LabelledDataset dataset = coloured != null ? coloured : source;
        int n = limit == null ? dataset.size() : Math.min(limit, dataset.size());
        String prefix = data.isFashionMnist() ? data.split() : "item";
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        IntFunction<BufferedImage> picture = coloured != null ? coloured::rgbImage
                : i -> dataset.image(i, decoder).toBufferedImage();
        IntFunction<String> colour = i -> coloured == null ? null : coloured.colour(i).name();
        if (layout == Layout.folders) {
            IntFunction<String> folder = i -> folderName(dataset.classNames().get(dataset.label(i))
                    + (label == FolderLabel.category_colour ? "-" + colour.apply(i) : ""));
            writeImages(picture, n, i -> out.resolve(folder.apply(i)).resolve(id(prefix, i) + ".png"));
            spec.commandLine().getOut().printf("%d items of %s written to %s/<%s>/%n", n, dataset.description(), out, label);
            return 0;
        }
        Path images = out.resolve(IMAGES);
        writeImages(picture, n, i -> images.resolve(id(prefix, i) + ".png"));
        Path catalogue = out.resolve(CATALOGUE_FILE);
        Path tmp = Files.createTempFile(out, CATALOGUE_FILE, ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(line(dataset.classNames().get(dataset.label(i)), colour.apply(i), id(prefix, i), i));
                w.write('\n');
            }
        }
        Files.move(tmp, catalogue, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("%d items of %s written to %s%n", n, dataset.description(), catalogue);
        return 0;
    }

    private static void writeImages(IntFunction<BufferedImage> picture, int n, IntFunction<Path> fileOf) {
        AtomicInteger done = new AtomicInteger();
        try (Progress progress = new Progress("writing images", n, "img")) {
            IntStream.range(0, n).parallel().forEach(i -> {
                Path file = fileOf.apply(i);
                try {
                    Files.createDirectories(file.getParent());
                    ImageIO.write(picture.apply(i), "png", file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                progress.accept(done.incrementAndGet());
            });
        }
    }

    private static String line(String category, String colour, String id, int i) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("id", id)
                .put("image", IMAGES + "/" + id + ".png")
                .put("category", category)
                .put("title", (colour == null ? "" : colour + " ") + category + " #" + i);
        if (colour != null) {
            node.put("colour", colour);
        }
        return JSON.writeValueAsString(node);
    }

    /**
     * @param label a category, or a category and a colour
     * @return the label as a folder name: path separators, control characters and the characters some file
     *         systems refuse ({@code :*?"<>|}) replaced by '-' (T-shirt/top becomes T-shirt-top), a leading dot
     *         too (a hidden folder is not a category)
     */
    static String folderName(String label) {
        return label.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]|^\\.", "-");
    }

    /**
     * @param prefix the split or {@code item}
     * @param index  the item's index in the dataset
     * @return the item's catalogue id, e.g. {@code test-00042}
     */
    static String id(String prefix, int index) {
        return String.format(Locale.ROOT, "%s-%05d", prefix, index);
    }

    /** Reads {@code --label}'s value as written in the help: category or category+colour. */
    static final class FolderLabelConverter implements CommandLine.ITypeConverter<FolderLabel> {
        @Override
        public FolderLabel convert(String value) {
            for (FolderLabel l : FolderLabel.values()) {
                if (l.toString().equals(value)) {
                    return l;
                }
            }
            throw new CommandLine.TypeConversionException("expected category or category+colour, got \"" + value + "\"");
        }
    }
}
