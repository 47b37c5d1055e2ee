package dev.lookalike.tools.cli;

import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr with rate and ETA, for long loops over items. */
public final class Progress implements AutoCloseable, IntConsumer {

    private final ProgressBar bar;

    /**
     * @param task  what is going on, e.g. {@code embedding}
     * @param total how many items
     * @param unit  what an item is, e.g. {@code img}
     */
    public Progress(String task, long total, String unit) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .build();
    }

    /** Moves the bar to {@code done} items. */
    @Override
    public void accept(int done) {
        bar.stepTo(done);
    }

    /** @param message shown after the bar */
    void message(String message) {
        bar.setExtraMessage(" " + message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
