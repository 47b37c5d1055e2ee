package dev.lookalike.tools.eval;

import dev.lookalike.analyzer.distort.BackgroundReplacement;
import dev.lookalike.analyzer.distort.BrightnessContrast;
import dev.lookalike.analyzer.distort.DistortedQueries;
import dev.lookalike.analyzer.distort.GaussianBlur;
import dev.lookalike.analyzer.distort.ImageDistortion;
import dev.lookalike.analyzer.distort.JpegCompression;
import dev.lookalike.analyzer.distort.PhotoQuerySimulator;
import dev.lookalike.analyzer.distort.QuerySimulator;
import dev.lookalike.analyzer.distort.Rotation;
import dev.lookalike.analyzer.distort.ScaleShift;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an evaluation queries with ({@code eval --queries}): the catalogue images themselves, or simulated
 * users' photos of them with one kind of distortion, today's photo simulation, or several distortions at
 * once. Each distortion's strength is drawn per image within a realistic range, from a fixed seed. Photos of a
 * colour catalogue keep the product's colours: no kind inverts or tints them.
 */
public enum QueryKind {
    /** The dataset's own images, leave-one-out (the only kind with NMI). */
    CATALOGUE("catalogue", null),
    /** The photo simulation: on white (tinted, for a grey catalogue), enlarged, off-centre, JPEG quality 75. */
    PHOTOS("photos", null),
    /** Rotated up to ±15°. */
    ROTATION("rotation", background -> Rotation.realistic()),
    /** JPEG quality 20 to 60. */
    JPEG("jpeg", background -> JpegCompression.realistic()),
    /** The product filling 55 to 100 % of a square frame, anywhere in it. */
    SCALE_SHIFT("scale-shift", background -> ScaleShift.realistic()),
    /** Gaussian blur, σ of 0.5 to 2 % of the image's side. */
    BLUR("blur", background -> GaussianBlur.realistic()),
    /** Contrast ×0.6 to ×1.4, brightness ±0.2. */
    BRIGHTNESS_CONTRAST("brightness-contrast", background -> BrightnessContrast.realistic()),
    /** A grey or coloured background, the product as it is or (a grey catalogue's) inverted. */
    BACKGROUND("background", background -> background),
    /** Background, scale and shift, rotation, blur, brightness and contrast, then JPEG, in that order. */
    ALL("all", background -> background.andThen(ScaleShift.realistic()).andThen(Rotation.realistic())
            .andThen(GaussianBlur.realistic()).andThen(BrightnessContrast.realistic())
            .andThen(JpegCompression.realistic()));

    /** The seed of the query simulations unless {@code --query-seed} says otherwise (that of the first photos). */
    public static final long DEFAULT_SEED = 7;

    /** The JPEG quality of the {@link #PHOTOS} simulation. */
    static final float PHOTO_QUALITY = 0.75f;

    private final String cliName;
    /** The kind's distortion, given the background replacement that suits the catalogue; null for the first two. */
    private final Function<BackgroundReplacement, ImageDistortion> distortion;

    QueryKind(String cliName, Function<BackgroundReplacement, ImageDistortion> distortion) {
        this.cliName = cliName;
        this.distortion = distortion;
    }

    /** @return the name {@code --queries} takes, e.g. {@code scale-shift} */
    public String cliName() {
        return cliName;
    }

    /**
     * @param seed the seed of the simulation
     * @return what makes the query photos, or {@code null} for {@link #CATALOGUE}: a colour image's products keep
     *         their colours, a grey one (Fashion-MNIST's light-on-black negative) is shown inverted half the time,
     *         as it would be photographed
     */
    public QuerySimulator simulator(long seed) {
        if (this == CATALOGUE) {
            return null;
        }
        if (this == PHOTOS) {
            return new PhotoQuerySimulator(seed, PHOTO_QUALITY);
        }
        return new DistortedQueries(distortion.apply(new BackgroundReplacement()),
                distortion.apply(BackgroundReplacement.keepingColours()), seed);
    }

    /**
     * @param names kinds by their {@link #cliName()}, each possibly a comma-separated list
     * @return the kinds, in the order given, each once
     * @throws IllegalArgumentException naming {@code --queries}, the unknown kind and the known ones
     */
    public static List<QueryKind> parse(List<String> names) {
        List<QueryKind> kinds = new ArrayList<>();
        for (String list : names) {
            for (String name : list.split(",", -1)) {
                QueryKind kind = Arrays.stream(values()).filter(k -> k.cliName.equals(name.trim().toLowerCase(Locale.ROOT)))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("--queries: unknown kind \"" + name
                                + "\", expected one or more (comma-separated) of " + names()));
                if (!kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    /** @return every kind's name, comma-separated, for help and error messages */
    public static String names() {
        return Arrays.stream(values()).map(QueryKind::cliName).collect(Collectors.joining(", "));
    }
}
