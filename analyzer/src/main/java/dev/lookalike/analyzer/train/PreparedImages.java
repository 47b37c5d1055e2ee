package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A dataset's images fitted to the model's input (before normalisation), in memory, with their labels
 * renumbered over the classes kept. Images that cannot be read are skipped and reported, one line each
 * and a count.
 *
 * @param images fitted images, intensities in [0, 1]
 * @param labels labels, indices into the kept classes (or the dataset's own labels when all are kept)
 */
record PreparedImages(float[][] images, int[] labels) {

    static PreparedImages of(LabelledDataset data, List<Integer> classes, Preprocessor preprocessor,
            Consumer<String> skipped) {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<Integer> keep = IntStream.range(0, data.size())
                .filter(i -> classes == null || classes.contains(data.label(i))).boxed().toList();
        float[][] images = new float[keep.size()][];
        String[] errors = new String[keep.size()];
        IntStream.range(0, keep.size()).parallel().forEach(j -> {
            try {
                images[j] = preprocessor.fit(data.image(keep.get(j), decoder)).pixels();
            } catch (AnalyzerInputException e) {
                errors[j] = e.getMessage();
            }
        });
        List<float[]> okImages = new ArrayList<>();
        List<Integer> okLabels = new ArrayList<>();
        int skips = 0;
        for (int j = 0; j < keep.size(); j++) {
            if (errors[j] != null) {
                skipped.accept("skipped " + errors[j]);
                skips++;
                continue;
            }
            okImages.add(images[j]);
            int label = data.label(keep.get(j));
            okLabels.add(classes == null ? label : classes.indexOf(label));
        }
        if (okImages.isEmpty()) {
            throw new AnalyzerInputException(data.description(), "none of its " + keep.size()
                    + " images of the requested classes can be read" + (skips > 0 ? " (listed above)" : ""));
        }
        if (skips > 0) {
            skipped.accept("skipped " + skips + " of " + keep.size() + " images of " + data.description()
                    + " that cannot be read (listed above)");
        }
        return new PreparedImages(okImages.toArray(float[][]::new), okLabels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * @param preprocessor mirrors an image left to right
     * @return the same images mirrored, same labels
     */
    PreparedImages mirrored(Preprocessor preprocessor) {
        float[][] flipped = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            flipped[i] = preprocessor.mirror(images[i]);
        }
        return new PreparedImages(flipped, labels);
    }

    int size() {
        return labels.length;
    }

    float[] image(int i) {
        return images[i];
    }
}
