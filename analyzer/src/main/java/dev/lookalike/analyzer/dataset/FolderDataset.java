package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A labelled dataset laid out as {@code root/<category>/<image files>}: each sub-directory is a class
 * (sorted by name), each regular, non-hidden file in it an item. Files directly under the root are
 * ignored, and so are category folders without images ({@link #emptyCategories()} lists them). Listing
 * is eager; images are decoded only when read, so a bad file fails on its own.
 */
public final class FolderDataset implements LabelledDataset {

    private final Path root;
    private final List<String> classes;
    private final List<Path> files;
    private final int[] labels;
    private final List<Path> emptyCategories;

    private FolderDataset(Path root, List<String> classes, List<Path> files, int[] labels, List<Path> emptyCategories) {
        this.root = root;
        this.classes = classes;
        this.files = files;
        this.labels = labels;
        this.emptyCategories = emptyCategories;
    }

    /**
     * Lists a dataset folder.
     *
     * @param root the folder holding one sub-folder per class
     * @return the dataset
     * @throws AnalyzerInputException if the folder does not exist or holds no class with images
     */
    public static FolderDataset open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new AnalyzerInputException(root.toString(), "no such directory (expected root/<category>/<images>)");
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !hidden(d)).sorted().toList()) {
                List<Path> images;
                try (Stream<Path> entries = Files.list(dir)) {
                    images = entries.filter(Files::isRegularFile).filter(f -> !hidden(f)).sorted().toList();
                }
                if (images.isEmpty()) {
                    empty.add(dir);
                    continue;
                }
                int label = classes.size();
                classes.add(dir.getFileName().toString());
                for (Path image : images) {
                    files.add(image);
                    labels.add(label);
                }
            }
        } catch (IOException e) {
            throw new AnalyzerInputException(root.toString(), "cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new AnalyzerInputException(root.toString(),
                    "no images found (expected one sub-directory per category holding image files)");
        }
        return new FolderDataset(root, List.copyOf(classes), List.copyOf(files),
                labels.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(empty));
    }

    /**
     * @return the category folders that hold no image file (none, or hidden files only), sorted: they are not
     *         classes of this dataset, which a training run should say rather than pass over
     */
    public List<Path> emptyCategories() {
        return emptyCategories;
    }

    /**
     * Refuses a dataset with an empty category folder, as training does: the folder was meant to be a category,
     * and training without it would ship a model that cannot name it.
     *
     * @throws AnalyzerInputException naming the first empty category folder and how many more there are
     */
    public void requireNoEmptyCategory() {
        if (!emptyCategories.isEmpty()) {
            throw new AnalyzerInputException(emptyCategories.getFirst().toString(),
                    "empty category folder (no image files" + (emptyCategories.size() > 1
                            ? "; " + (emptyCategories.size() - 1) + " more like it" : "")
                            + "): add its images or remove it");
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    @Override
    public String description() {
        return "folder " + root;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public List<String> classNames() {
        return classes;
    }

    @Override
    public String itemName(int index) {
        return files.get(index).toString();
    }

    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return PixelImage.fromRgb(decoder.decode(files.get(index)));
    }

    /**
     * @param index an item
     * @return its file
     */
    public Path file(int index) {
        return files.get(index);
    }
}
