package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the images of a dataset are like, from an evenly spaced sample of them: their median size and whether
 * any has colour. It lets a training run choose an input size and channels that suit the data. Costs the
 * decoding of the sampled images; unreadable ones are passed over (training reports them).
 *
 * @param surveyed     how many images were read
 * @param medianWidth  the median width of the images read, in pixels
 * @param medianHeight the median height of the images read, in pixels
 * @param colour       whether any image read has a pixel whose red, green and blue differ
 */
public record ImageSurvey(int surveyed, int medianWidth, int medianHeight, boolean colour) {

    /**
     * @param data    the dataset
     * @param decoder the decoder for image files
     * @param sample  the most images to read, spread evenly over the dataset
     * @return the survey
     * @throws AnalyzerInputException naming the dataset if none of the sampled images can be read
     */
    public static ImageSurvey of(LabelledDataset data, ImageDecoder decoder, int sample) {
        int n = Math.min(data.size(), Math.max(1, sample));
        List<Integer> widths = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        boolean colour = false;
        for (int k = 0; k < n; k++) {
            int index = (int) ((long) k * data.size() / n);
            PixelImage image;
            try {
                image = data.image(index, decoder);
            } catch (AnalyzerInputException e) {
                continue;
            }
            widths.add(image.width());
            heights.add(image.height());
            colour |= image.hasColour();
        }
        if (widths.isEmpty()) {
            throw new AnalyzerInputException(data.description(), "none of " + n + " images sampled could be read");
        }
        return new ImageSurvey(widths.size(), median(widths), median(heights), colour);
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
