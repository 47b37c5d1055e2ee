package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.dataset.ImageSurvey;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.preprocess.InputSpec;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that shape what a model to be trained takes in: its input size, its channels and the head of
 * its network. Fashion-MNIST's default is its own 28x28 grey; a folder's default comes from its images
 * (see {@link #input}).
 */
public final class NetworkInputOptions {

    /** The longest side an input size inferred from a folder's images may have. */
    public static final int LARGEST_INFERRED_SIDE = 64;

    /** The shortest side an inferred input size may have: two 2x2 pools must leave a map to convolve. */
    public static final int SMALLEST_INFERRED_SIDE = 16;

    /** How many images of a folder are read to infer its input size and channels. */
    public static final int SURVEYED_IMAGES = 200;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,4})(?:x(\\d{1,4}))?");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private int[] size;
    private Integer channels;
    private String head;

    @Option(names = "--input-size", paramLabel = "WxH",
            description = "The model's input size in pixels, e.g. 28x28 or 64x48 (one number: square), up to "
                    + InputSpec.MAX_SIDE + ". Default: 28x28 for fashion-mnist; for a folder, its images' median size,"
                    + " shrunk to fit " + LARGEST_INFERRED_SIDE + "x" + LARGEST_INFERRED_SIDE
                    + " keeping the aspect ratio (each side at least " + SMALLEST_INFERRED_SIDE + ").")
    void inputSize(String text) {
        size = parseSize(text);
    }

    @Option(names = "--channels", paramLabel = "1|3",
            description = "The model's input channels: 1 (grey) or 3 (colour). Default: 1 for fashion-mnist; for a"
                    + " folder, 3 if any of its images has colour.")
    void channels(int value) {
        if (value != 1 && value != 3) {
            throw bad("--channels: expected 1 (grey) or 3 (colour), got " + value);
        }
        channels = value;
    }

    @Option(names = "--head", paramLabel = NetworkSpec.FLATTEN_HEAD + "|" + NetworkSpec.GLOBAL_AVERAGE_HEAD,
            description = "How the network turns its last feature map into the embedding: flatten (the whole map;"
                    + " its projection grows with the input's area) or global-average (each channel averaged; the same"
                    + " small projection at any input size). Default: the --init bundle's, else flatten.")
    void head(String value) {
        if (!NetworkSpec.FLATTEN_HEAD.equals(value) && !NetworkSpec.GLOBAL_AVERAGE_HEAD.equals(value)) {
            throw bad("--head: expected " + NetworkSpec.FLATTEN_HEAD + " or " + NetworkSpec.GLOBAL_AVERAGE_HEAD
                    + ", got \"" + value + "\"");
        }
        head = value;
    }

    /** Refusals while the command line is parsed, so that nothing is read before a bad value is named. */
    private ParameterException bad(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    /**
     * @param base the network chosen otherwise
     * @return {@code base} with the {@code --head} if one was given
     */
    public NetworkSpec network(NetworkSpec base) {
        return head == null ? base : base.withHead(head);
    }

    /**
     * The input specification to train with: the {@code --init} bundle's when there is one, else Fashion-MNIST's
     * for Fashion-MNIST and one inferred from the images for a folder, with {@code --input-size} and
     * {@code --channels} applied over it.
     *
     * @param train    the training images
     * @param fashion  whether they are Fashion-MNIST's
     * @param start    the bundle training starts from, or {@code null}
     * @param out      where to say what was inferred
     * @return the input specification
     * @throws IllegalArgumentException if {@code --init}'s bundle takes another input than the options ask for
     */
    public InputSpec input(LabelledDataset train, boolean fashion, ModelBundle start, PrintWriter out) {
        InputSpec base;
        if (start != null) {
            base = start.spec().input();
        } else if (fashion || (size != null && channels != null)) {
            base = InputSpec.fashionMnist();
        } else {
            base = inferred(train, out);
        }
        InputSpec wanted = base.resized(size == null ? base.width() : size[0], size == null ? base.height() : size[1],
                channels == null ? base.channels() : channels);
        if (start != null && (wanted.width() != base.width() || wanted.height() != base.height()
                || wanted.channels() != base.channels())) {
            throw new IllegalArgumentException("--input-size and --channels must match the --init bundle's input ("
                    + base.width() + "x" + base.height() + ", " + base.channels() + " channel(s))");
        }
        return wanted;
    }

    private static InputSpec inferred(LabelledDataset train, PrintWriter out) {
        ImageSurvey survey = ImageSurvey.of(train, new ImageDecoder(ImageLimits.DEFAULT), SURVEYED_IMAGES);
        double shrink = Math.min(1.0, (double) LARGEST_INFERRED_SIDE
                / Math.max(survey.medianWidth(), survey.medianHeight()));
        int width = side(survey.medianWidth() * shrink);
        int height = side(survey.medianHeight() * shrink);
        int channels = survey.colour() ? 3 : 1;
        out.printf("input %dx%d, %s: inferred from %d images of %s (median size %dx%d%s)%n", width, height,
                channels == 3 ? "colour" : "grey", survey.surveyed(), train.description(), survey.medianWidth(),
                survey.medianHeight(), survey.colour() ? ", some in colour" : ", none in colour");
        return InputSpec.fashionMnist().resized(width, height, channels);
    }

    private static int side(double pixels) {
        return (int) Math.max(SMALLEST_INFERRED_SIDE, Math.min(LARGEST_INFERRED_SIDE, Math.round(pixels)));
    }

    /**
     * @param text {@code WxH} or {@code N}
     * @return the width and height
     * @throws ParameterException naming {@code --input-size} if the text is not a size in range
     */
    private int[] parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (m.matches()) {
            int width = Integer.parseInt(m.group(1));
            int height = m.group(2) == null ? width : Integer.parseInt(m.group(2));
            if (width >= 1 && height >= 1 && width <= InputSpec.MAX_SIDE && height <= InputSpec.MAX_SIDE) {
                return new int[] {width, height};
            }
        }
        throw bad("--input-size: expected WIDTHxHEIGHT from 1x1 to " + InputSpec.MAX_SIDE
                + "x" + InputSpec.MAX_SIDE + ", e.g. 64x48, got \"" + text + "\"");
    }
}
