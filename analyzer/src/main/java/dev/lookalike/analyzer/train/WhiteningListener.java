package dev.lookalike.analyzer.train;

/** Hears how fitting a whitening goes, for a progress display. Called from the fitting thread. */
public interface WhiteningListener {

    /**
     * @param done  images run through the network so far
     * @param total images to run
     */
    void imagesEmbedded(int done, int total);

    /**
     * @param message a line worth showing, such as an image that was skipped
     */
    void info(String message);
}
