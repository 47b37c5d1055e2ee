package dev.lookalike.analyzer.train;

/** Hears how a training run goes, to show progress; called on the training thread. */
public interface TrainingListener {

    /**
     * Before the first batch of an epoch.
     *
     * @param epoch   the epoch, from 1
     * @param batches batches in this epoch
     */
    void epochStarted(int epoch, int batches);

    /**
     * After each batch.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch just done, from 1
     * @param loss  the batch's loss
     */
    void batchDone(int epoch, int batch, float loss);

    /**
     * After each epoch's evaluation.
     *
     * @param report the epoch's figures
     */
    void epochDone(EpochReport report);

    /**
     * A message worth showing (data loaded, checkpoint written, images skipped).
     *
     * @param message the message
     */
    void info(String message);
}
