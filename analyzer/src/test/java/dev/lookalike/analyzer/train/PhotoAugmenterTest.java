package dev.lookalike.analyzer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.PixelImage;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhotoAugmenterTest {

    private static final Preprocessor PREPROCESSOR = new Preprocessor(InputSpec.fashionMnist());
    private static final ShapesDataset SHAPES = ShapesDataset.of(10, 3);
    private static final int SEEDS = 25;

    /** Shapes as the trainer holds them: fitted by the model's preprocessing. */
    private static float[] fitted(int index) {
        return PREPROCESSOR.fit(SHAPES.image(index, new ImageDecoder(ImageLimits.DEFAULT))).pixels();
    }

    @Test
    void probabilityZeroHandsBackEveryImageUntouchedSoTrainingIsAsBefore() {
        PhotoAugmenter off = new PhotoAugmenter(0f, true, PREPROCESSOR);
        float[] image = fitted(0);
        float[] copy = image.clone();
        for (long seed = 0; seed < 200; seed++) {
            assertSame(image, off.augment(image, seed), "seed " + seed);
        }
        assertArrayEquals(copy, image, "the image is not modified");
        assertEquals(null, off.takeReport(), "nothing to report when off");
    }

    @Test
    void theSameSeedGivesTheSamePhotoAndOtherSeedsOtherPhotos() {
        PhotoAugmenter always = new PhotoAugmenter(1f, false, PREPROCESSOR);
        float[] image = fitted(0);
        float[] first = always.augment(image, 11);
        assertArrayEquals(first, new PhotoAugmenter(1f, false, PREPROCESSOR).augment(image.clone(), 11));
        long distinct = java.util.stream.LongStream.range(0, SEEDS)
                .mapToObj(seed -> Arrays.toString(always.augment(image, seed))).distinct().count();
        assertTrue(distinct >= SEEDS - 1, distinct + " distinct photos of " + SEEDS);
    }

    /** Bars: a product that leaves the border dark, as the evaluation's distortions expect. */
    @Test
    void aChosenImageIsAlwaysChangedAndTheInputLeftAlone() {
        PhotoAugmenter always = new PhotoAugmenter(1f, true, PREPROCESSOR);
        for (int index : new int[] {0, 1, 3, 4}) {
            float[] image = fitted(index);
            float[] copy = image.clone();
            for (long seed = 0; seed < SEEDS; seed++) {
                float[] out = always.augment(image, seed);
                assertFalse(Arrays.equals(image, out), "image " + index + ", seed " + seed);
            }
            assertArrayEquals(copy, image);
        }
        assertTrue(always.takeReport().startsWith("photo augmentation: " + 4 * SEEDS + " images became photos;"));
    }

    @Test
    void theProbabilityIsTheShareOfImagesChosen() {
        PhotoAugmenter half = new PhotoAugmenter(0.5f, false, PREPROCESSOR);
        float[] image = fitted(1);
        int changed = 0;
        for (long seed = 0; seed < 400; seed++) {
            changed += half.augment(image, seed) == image ? 0 : 1;
        }
        assertTrue(changed > 160 && changed < 240, changed + " of 400 chosen at probability ½");
    }

    /**
     * What the labels depend on survives: the result is a valid fitted image (the input size, intensities in
     * [0, 1], something standing out as the preprocessing counts it) and a bar, which leaves the frame's
     * border dark, keeps it dark and stays wider than tall (horizontal) or taller than wide (vertical).
     */
    @Test
    void thePhotoIsAValidFittedImageThatKeepsTheProductsShape() {
        PhotoAugmenter always = new PhotoAugmenter(1f, true, PREPROCESSOR);
        InputSpec spec = PREPROCESSOR.spec();
        for (int index = 0; index < 9; index++) {
            int label = SHAPES.label(index);
            for (long seed = 0; seed < SEEDS; seed++) {
                String what = "image " + index + " (" + SHAPES.classNames().get(label) + "), seed " + seed;
                float[] out = always.augment(fitted(index), seed);
                assertEquals(spec.size(), out.length, what);
                float max = 0;
                for (float v : out) {
                    // The preprocessing's resampling may overshoot 1 by a rounding error, on queries too.
                    assertTrue(v >= 0 && v <= 1 + 1e-6f, what + ": intensity " + v);
                    max = Math.max(max, v);
                }
                assertTrue(max > spec.objectThreshold(), what + ": the product is lost, brightest pixel " + max);
                if (label == 2) {
                    continue;
                }
                assertTrue(border(out, spec.width()) < 0.15, what + ": the background is not dark");
                double[] spread = spread(out, spec.width());
                assertTrue(label == 0 ? spread[0] > spread[1] : spread[1] > spread[0],
                        what + ": the bar's spread along x and y became " + Arrays.toString(spread));
            }
        }
    }

    @Test
    void aColourModelsPhotoHasItsSizeAndChannelsAndItsProduct() {
        Preprocessor colour = new Preprocessor(InputSpec.fashionMnist().resized(24, 16, 3));
        ColourShapesDataset shapes = ColourShapesDataset.of(2, 5);
        PhotoAugmenter always = new PhotoAugmenter(1f, false, colour);
        for (int index = 0; index < shapes.size(); index++) {
            float[] image = colour.fit(shapes.image(index, new ImageDecoder(ImageLimits.DEFAULT))).pixels();
            for (long seed = 0; seed < 5; seed++) {
                float[] out = always.augment(image, seed);
                assertEquals(24 * 16 * 3, out.length);
                float max = 0;
                for (float v : out) {
                    max = Math.max(max, v);
                }
                assertTrue(max > colour.spec().objectThreshold(), "image " + index + ", seed " + seed + ": product lost");
            }
        }
    }

    @Test
    void anImageWhosePhotosAllLoseTheProductIsLeftAsItIs() {
        // A product filling the whole frame: the distortions take it for the background, and nothing is left.
        float[] fullFrame = new float[PREPROCESSOR.spec().size()];
        Arrays.fill(fullFrame, 0.9f);
        PhotoAugmenter always = new PhotoAugmenter(1f, true, PREPROCESSOR);
        for (long seed = 0; seed < SEEDS; seed++) {
            assertSame(fullFrame, always.augment(fullFrame, seed), "seed " + seed);
        }
        assertEquals("photo augmentation: 0 images became photos; " + SEEDS * PhotoAugmenter.ATTEMPTS
                + " photos lost the product and were drawn again; " + SEEDS + " images were left as they were after "
                + PhotoAugmenter.ATTEMPTS + " such photos", always.takeReport());
        assertTrue(always.takeReport().startsWith("photo augmentation: 0 images became photos; 0 photos"), "counted afresh");
    }

    @Test
    void jpegIsAmongTheDistortionsOnlyWhenAskedAndNothingIsListedWhenOff() {
        assertEquals(List.of("background", "scale-shift", "rotation", "blur", "brightness-contrast"),
                PhotoAugmenter.kindNames(0.5f, false));
        assertEquals("jpeg", PhotoAugmenter.kindNames(0.5f, true).getLast());
        assertEquals(List.of(), PhotoAugmenter.kindNames(0f, true));
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        for (float bad : new float[] {-0.1f, 1.5f, Float.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PhotoAugmenter(bad, false, PREPROCESSOR));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }

    /** @return the mean intensity of the image's border */
    private static double border(float[] image, int width) {
        int height = image.length / width;
        double sum = 0;
        int n = 0;
        for (int i = 0; i < image.length; i++) {
            int x = i % width;
            int y = i / width;
            if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                sum += image[i];
                n++;
            }
        }
        return sum / n;
    }

    /** @return the intensity-weighted variance of x and of y */
    private static double[] spread(float[] image, int width) {
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            mx += image[i] * (i % width);
            my += image[i] * (i / width);
        }
        mx /= mass;
        my /= mass;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < image.length; i++) {
            vx += image[i] * Math.pow(i % width - mx, 2);
            vy += image[i] * Math.pow(i / width - my, 2);
        }
        return new double[] {vx / mass, vy / mass};
    }

    /** A red square filling the middle half of a white {@code side × side} image. */
    private static BufferedImage redOnWhite(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(200, 30, 30));
        g.fillRect(side / 4, side / 4, side / 2, side / 2);
        g.dispose();
        return image;
    }

    @Test
    void aColourModelsBackgroundNeverInvertsTheProductsColours() {
        int kept = 0;
        int inverted = 0;
        for (long seed = 0; seed < 60; seed++) {
            for (boolean colour : new boolean[] {true, false}) {
                BufferedImage redOnWhite = redOnWhite(40);
                Color centre = new Color(PhotoAugmenter.background(colour)
                        .apply(redOnWhite, new SplittableRandom(seed)).getRGB(20, 20));
                boolean red = centre.getRed() > centre.getGreen() && centre.getRed() > centre.getBlue();
                if (colour) {
                    assertTrue(red, "seed " + seed + ": the red product became " + centre);
                    kept++;
                } else if (!red) {
                    inverted++;
                }
            }
        }
        assertEquals(60, kept);
        assertTrue(inverted > 10, "a grey model's photos invert the product about half the time: " + inverted);
    }

    @Test
    void aColourModelsPhotosKeepTheProductsColoursThroughThePreprocessing() {
        InputSpec colour = InputSpec.fashionMnist().resized(28, 28, 3);
        Preprocessor preprocessor = new Preprocessor(colour);
        float[] fitted = preprocessor.fit(PixelImage.fromRgb(redOnWhite(56), 3)).pixels();
        PhotoAugmenter photos = new PhotoAugmenter(1f, false, preprocessor);
        int plane = 28 * 28;
        for (long seed = 0; seed < 30; seed++) {
            float[] photo = photos.augment(fitted, seed);
            double[] sum = new double[3];
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    sum[c] += photo[c * plane + i];
                }
            }
            // Red as the colour preprocessing gives it is its distance from white: little red, much green and blue.
            assertTrue(sum[1] > 1.5 * sum[0] && sum[2] > 1.5 * sum[0], "seed " + seed + ": the photo's product "
                    + "came out in other colours, channel sums " + java.util.Arrays.toString(sum));
        }
    }
}
