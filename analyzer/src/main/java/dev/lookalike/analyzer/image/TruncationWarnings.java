package dev.lookalike.analyzer.image;

import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Remembers whether a reader warned that its compressed data ended early. The JPEG decoder (libjpeg, behind
 * both the JDK's and TwelveMonkeys' readers) does not fail on a truncated file: it warns "Corrupt JPEG data:
 * premature end of data segment", fills the missing rows with grey and returns the image. A half-grey image
 * would be embedded and indexed as if it were the product, so that warning is turned into an error.
 *
 * <p>Other warnings leave a usable image and are ignored: an unusable ICC profile, stray bytes before a
 * marker, and "Truncated File - Missing EOI marker" on its own, which both readers give for a file that
 * lacks only its two-byte end marker while every pixel is there (the warning comes with the
 * premature-end one when pixels are missing too).
 *
 * <p>One instance serves one read; it is not thread-safe.
 */
final class TruncationWarnings implements IIOReadWarningListener {

    private static final String[] TRUNCATION_PHRASES = {"premature end", "unexpected end"};

    private String truncation;

    /** Records {@code warning} if it says the data ended early and is the first to; costs a string search. */
    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (truncation == null && warning != null && saysDataEndedEarly(warning)) {
            truncation = warning;
        }
    }

    /** @return the first warning that said the data ended early, if any */
    Optional<String> truncation() {
        return Optional.ofNullable(truncation);
    }

    private static boolean saysDataEndedEarly(String warning) {
        String lower = warning.toLowerCase(Locale.ROOT);
        for (String phrase : TRUNCATION_PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
