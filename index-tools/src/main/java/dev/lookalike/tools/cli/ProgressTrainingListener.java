package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.train.EpochReport;
import dev.lookalike.analyzer.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows training as a progress bar per epoch (images/s, ETA, current loss) and a line of figures after it. */
public final class ProgressTrainingListener implements TrainingListener {

    private final int epochs;
    private final int batchSize;
    private final PrintWriter out;
    private ProgressBar bar;

    /**
     * @param epochs    the epochs the run will train
     * @param batchSize images per training step
     * @param out       where the bars and the epoch summaries go
     */
    public ProgressTrainingListener(int epochs, int batchSize, PrintWriter out) {
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int batches) {
        bar = new ProgressBarBuilder()
                .setTaskName(String.format("epoch %d/%d", epoch, epochs))
                .setInitialMax((long) batches * batchSize)
                .setUnit(" img", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void batchDone(int epoch, int batch, float loss) {
        bar.stepBy(batchSize);
        bar.setExtraMessage(String.format(" loss %.3f", loss));
    }

    @Override
    public void epochDone(EpochReport r) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.printf("epoch %d: loss %.4f, %.0f img/s, held-out proxy accuracy %s, R@1 %s%n",
                r.epoch(), r.meanLoss(), r.imagesPerSecond(), figure(r.proxyAccuracy()), figure(r.recallAt1()));
    }

    /** A figure with four decimals, or {@code n/a} where there was nothing to measure it on. */
    private static String figure(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    @Override
    public void info(String message) {
        out.println(message);
    }
}
