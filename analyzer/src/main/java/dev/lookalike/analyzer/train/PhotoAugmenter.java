package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.distort.BackgroundReplacement;
import dev.lookalike.analyzer.distort.BrightnessContrast;
import dev.lookalike.analyzer.distort.DistortedQueries;
import dev.lookalike.analyzer.distort.GaussianBlur;
import dev.lookalike.analyzer.distort.ImageDistortion;
import dev.lookalike.analyzer.distort.JpegCompression;
import dev.lookalike.analyzer.distort.Rotation;
import dev.lookalike.analyzer.distort.ScaleShift;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.analyzer.preprocess.PixelImage;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Training-time photo augmentation: with a probability, a fitted training image (intensities in [0, 1],
 * product light on dark; a colour one first turned back into its own colours on white, see {@link
 * Preprocessor#asPhotographed}) is turned into a simulated user's photo the way {@code eval --queries} makes
 * one — enlarged {@value DistortedQueries#ENLARGEMENT}× as an RGB image, then a random subset of the evaluation's
 * distortions with its realistic ranges, in its order (background, scale and shift, rotation, blur,
 * brightness and contrast, and JPEG when asked for) — and fitted again by the model's {@link Preprocessor},
 * which is exactly what a distorted query goes through at search time. Each distortion joins the subset with
 * probability ½; when none does, one is picked, so that a chosen image is always distorted. A photo in which
 * nothing stands out from the background any more (the product's grey met the new background's) is drawn
 * again, up to {@value #ATTEMPTS} times, after which the image is left as it is. The ordinary
 * {@link Augmenter} (flip, scale, shift, contrast, erasing) runs afterwards as before.
 *
 * <p>Everything is drawn from a stream split off the image's own seed, so the ordinary augmentation's draws
 * are untouched, a probability of 0 leaves training exactly as it was, and a resumed run draws what the
 * uninterrupted one would have. The draws are not the evaluation's: those come from the query seed and the
 * item's index (and run on another split). Thread-safe. Costs, for a chosen image, a few passes
 * over a 16× larger RGB image and one preprocessing. Counts, for the trainer's report, how many photos it
 * made and how many lost the product.
 */
final class PhotoAugmenter {

    /** A distortion a subset is drawn from, named as {@code eval --queries} names it, in the evaluation's order. */
    private record Kind(String name, ImageDistortion distortion) {
    }

    /** How many photos are drawn for a chosen image before it is left as it is (its product lost each time). */
    static final int ATTEMPTS = 3;

    private final float probability;
    private final List<Kind> kinds;
    private final Preprocessor preprocessor;
    private final LongAdder photos = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder leftAsTheyWere = new LongAdder();

    /**
     * @param probability  how likely each training image is to become a simulated photo, 0 to 1
     * @param jpeg         whether JPEG compression (quality 20 to 60) is among the distortions
     * @param preprocessor the model's preprocessing, which fits the photo again
     * @throws IllegalArgumentException if the probability is outside [0, 1]
     */
    PhotoAugmenter(float probability, boolean jpeg, Preprocessor preprocessor) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("photo augmentation probability must be in [0, 1], got " + probability);
        }
        this.probability = probability;
        this.preprocessor = preprocessor;
        this.kinds = kinds(jpeg, preprocessor.spec().channels() == 3);
    }

    private static List<Kind> kinds(boolean jpeg, boolean colour) {
        List<Kind> all = new ArrayList<>(List.of(
                new Kind("background", background(colour)),
                new Kind("scale-shift", ScaleShift.realistic()),
                new Kind("rotation", Rotation.realistic()),
                new Kind("blur", GaussianBlur.realistic()),
                new Kind("brightness-contrast", BrightnessContrast.realistic())));
        if (jpeg) {
            all.add(new Kind("jpeg", JpegCompression.realistic()));
        }
        return List.copyOf(all);
    }

    /**
     * The background distortion of a photo: for a grey model the evaluation's, which shows the product inverted half
     * the time (dark on light, as a product on white looks once its light-on-black form is undone); for a colour
     * model the product always keeps its colours, since inverting a red shirt makes it cyan and a colour-labelled
     * catalogue's label would no longer hold.
     *
     * @param colour whether the model reads colour
     * @return the distortion
     */
    static ImageDistortion background(boolean colour) {
        return colour ? BackgroundReplacement.keepingColours() : new BackgroundReplacement();
    }

    /**
     * @param probability how likely each training image is to become a simulated photo
     * @param jpeg        whether JPEG compression is among the distortions
     * @return the names of the distortions drawn from, as {@code eval --queries} names them; empty when the
     *         probability is 0
     */
    static List<String> kindNames(float probability, boolean jpeg) {
        if (probability == 0) {
            return List.of();
        }
        return kinds(jpeg, false).stream().map(Kind::name).toList();
    }

    /**
     * @param fitted a fitted image as the model's preprocessing makes it; not modified
     * @param seed   the image's seed
     * @return {@code fitted} itself when the image is not chosen, else a new fitted image of the same size
     *         made from a distorted photo of it
     */
    float[] augment(float[] fitted, long seed) {
        if (probability == 0) {
            return fitted;
        }
        SplittableRandom random = new SplittableRandom(seed).split();
        if (random.nextDouble() >= probability) {
            return fitted;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            float[] photo = photo(fitted, random);
            if (productVisible(photo)) {
                photos.increment();
                return photo;
            }
            lost.increment();
        }
        leftAsTheyWere.increment();
        return fitted;
    }

    /**
     * Says how the photos went since the last call, and starts counting afresh: for the trainer's per-epoch
     * report. The counts do not touch what is drawn.
     *
     * @return how many images became photos, how many photos lost their product and were drawn again, and how
     *         many chosen images were left as they were; {@code null} when the probability is 0
     */
    String takeReport() {
        if (probability == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "photo augmentation: %d images became photos; %d photos lost the product"
                + " and were drawn again; %d images were left as they were after %d such photos",
                photos.sumThenReset(), lost.sumThenReset(), leftAsTheyWere.sumThenReset(), ATTEMPTS);
    }

    private float[] photo(float[] fitted, SplittableRandom random) {
        InputSpec spec = preprocessor.spec();
        BufferedImage photo = DistortedQueries.enlarged(
                preprocessor.asPhotographed(new PixelImage(spec.width(), spec.height(), spec.channels(), fitted)));
        for (Kind kind : drawSubset(random)) {
            photo = kind.distortion().apply(photo, random);
        }
        return preprocessor.fit(PixelImage.fromRgb(photo, spec.channels())).pixels();
    }

    /**
     * Whether anything in a fitted photo stands out from the background as the preprocessing counts it: a
     * product whose grey level met the new background's (a red shirt on a green wall of the same luma) is
     * gone, and its label would only be noise.
     */
    private boolean productVisible(float[] photo) {
        float threshold = preprocessor.spec().objectThreshold();
        for (float v : photo) {
            if (v > threshold) {
                return true;
            }
        }
        return false;
    }

    private List<Kind> drawSubset(SplittableRandom random) {
        List<Kind> subset = new ArrayList<>();
        for (Kind kind : kinds) {
            if (random.nextBoolean()) {
                subset.add(kind);
            }
        }
        return subset.isEmpty() ? List.of(kinds.get(random.nextInt(kinds.size()))) : subset;
    }
}
