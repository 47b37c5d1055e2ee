package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (Zalando, 2017) read from its IDX files, gzipped or not: 60,000 training and 10,000 test
 * images of 28x28 grey products on black, 10 classes. Debian's package {@code dataset-fashion-mnist}
 * installs the files under {@value #DEBIAN_DIR}. Loading reads a whole split into memory (47 MB for train).
 *
 * <p>Besides Zalando's two splits, {@code train} (60,000) and {@code test} (10,000), the training split is
 * cut in two so that choices can be made without looking at the test split: {@code fit}, its first 55,000
 * images, to train on, and {@code validation}, its last {@value #VALIDATION_SIZE}, to choose settings on.
 * Zalando's training split is shuffled, so the validation images cover every class.
 */
public final class FashionMnist implements LabelledDataset {

    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    /** Environment variable that overrides {@link #DEBIAN_DIR}. */
    public static final String DIR_ENV = "LOOKALIKE_FASHION_MNIST";
    /** The class names, indexed by label, as Zalando publishes them. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** How many images at the end of the training split form the {@code validation} split. */
    public static final int VALIDATION_SIZE = 5000;
    /** The splits {@link #load(String)} knows. */
    public static final List<String> SPLITS = List.of("train", "test", "fit", "validation");

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    /** Pixels an image may have: far above 28x28, far below what would exhaust memory for a bad header. */
    private static final int MAX_PIXELS = 1 << 20;

    private final String split;
    private final int rows;
    private final int cols;
    private final byte[][] pixels;
    private final int[] labels;

    private FashionMnist(String split, int rows, int cols, byte[][] pixels, int[] labels) {
        this.split = split;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** @return the directory to read from: {@code $LOOKALIKE_FASHION_MNIST}, else {@value #DEBIAN_DIR} */
    public static Path defaultDirectory() {
        String env = System.getenv(DIR_ENV);
        return Path.of(env != null && !env.isBlank() ? env : DEBIAN_DIR);
    }

    /**
     * Loads a split from the default directory.
     *
     * @param split one of {@link #SPLITS}
     * @return the split, in memory
     * @throws AnalyzerInputException if the split is unknown or the files are missing or malformed
     */
    public static FashionMnist load(String split) {
        return load(defaultDirectory(), split);
    }

    /**
     * Loads a split.
     *
     * @param dir   a directory with {@code train-images-idx3-ubyte[.gz]} and the like
     * @param split one of {@link #SPLITS}
     * @return the split, in memory
     * @throws AnalyzerInputException if the split is unknown or the files are missing or malformed
     */
    public static FashionMnist load(Path dir, String split) {
        return switch (split) {
            case "train", "test" -> loadFiles(dir, split);
            case "fit", "validation" -> {
                FashionMnist train = loadFiles(dir, "train");
                int cut = Math.max(0, train.size() - VALIDATION_SIZE);
                yield "fit".equals(split) ? train.slice(split, 0, cut) : train.slice(split, cut, train.size());
            }
            default -> throw new AnalyzerInputException("split " + split, "unknown split: expected one of " + SPLITS);
        };
    }

    private FashionMnist slice(String name, int from, int to) {
        return new FashionMnist(name, rows, cols, Arrays.copyOfRange(pixels, from, to), Arrays.copyOfRange(labels, from, to));
    }

    private static FashionMnist loadFiles(Path dir, String split) {
        String prefix = "train".equals(split) ? "train" : "t10k";
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labelFile = find(dir, prefix + "-labels-idx1-ubyte");
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new AnalyzerInputException(images.toString(),
                        String.format("not an IDX image file (magic 0x%08x, expected 0x%08x)", magic, IMAGES_MAGIC));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows < 1 || cols < 1 || (long) rows * cols > MAX_PIXELS) {
                throw new AnalyzerInputException(images.toString(), "IDX header says " + count + " images of "
                        + rows + "x" + cols + " pixels (expected a count >= 0 and at most " + MAX_PIXELS
                        + " pixels an image)");
            }
            // Allocate image by image, so that a header promising more images than the file holds fails as
            // truncated instead of reserving memory for all of them first.
            List<byte[]> read = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                byte[] p = new byte[rows * cols];
                in.readFully(p);
                read.add(p);
            }
            int[] labels = readLabels(labelFile, count);
            return new FashionMnist(split, rows, cols, read.toArray(byte[][]::new), labels);
        } catch (java.io.EOFException e) {
            throw new AnalyzerInputException(images.toString(), "truncated IDX file", e);
        } catch (IOException e) {
            throw new AnalyzerInputException(images.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static int[] readLabels(Path file, int expected) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new AnalyzerInputException(file.toString(),
                        String.format("not an IDX label file (magic 0x%08x, expected 0x%08x)", magic, LABELS_MAGIC));
            }
            int count = in.readInt();
            if (count != expected) {
                throw new AnalyzerInputException(file.toString(),
                        count + " labels for " + expected + " images");
            }
            byte[] raw = new byte[count];
            in.readFully(raw);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
                if (labels[i] >= CLASSES.size()) {
                    throw new AnalyzerInputException(file.toString(), "label " + labels[i] + " at item " + i
                            + " is outside 0.." + (CLASSES.size() - 1));
                }
            }
            return labels;
        } catch (java.io.EOFException e) {
            throw new AnalyzerInputException(file.toString(), "truncated IDX file", e);
        }
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new AnalyzerInputException(dir.resolve(base + ".gz").toString(),
                "Fashion-MNIST file not found; install the dataset with `apt-get install -y dataset-fashion-mnist`"
                        + " (as root), or point " + DIR_ENV + " at a directory holding the IDX files");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new DataInputStream(new BufferedInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
    }

    /** @return the split's name, one of {@link #SPLITS} */
    public String split() {
        return split;
    }

    @Override
    public String description() {
        return "fashion-mnist " + split;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public String itemName(int index) {
        return description() + " #" + index;
    }

    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return PixelImage.fromBytes(pixels[index], cols, rows);
    }

    /** @return a copy of the labels, in item order */
    public int[] labels() {
        return Arrays.copyOf(labels, labels.length);
    }
}
