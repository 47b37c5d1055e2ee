package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.dataset.FolderDataset;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that pick a labelled dataset: Fashion-MNIST by split, or a folder per class. */
public final class DatasetOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "fashion-mnist (the IDX files of Debian's dataset-fashion-mnist, or of $"
                    + FashionMnist.DIR_ENV + "), or a folder laid out as DIR/<category>/<images>. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--split", defaultValue = "test", paramLabel = "test|train|fit|validation",
            description = "Fashion-MNIST split: test (10,000), train (60,000), or train cut in two, fit (its first 55,000) and validation (its last 5,000). Default: ${DEFAULT-VALUE}.")
    String split;

    /** @return whether {@code --dataset} names Fashion-MNIST (whose items have splits), not a folder */
    public boolean isFashionMnist() {
        return "fashion-mnist".equals(dataset);
    }

    /** @return the {@code --dataset}: fashion-mnist or a folder */
    public String dataset() {
        return dataset;
    }

    /** @return the {@code --split} */
    public String split() {
        return split;
    }

    /** @return the dataset these options name */
    public LabelledDataset open() {
        return open(split);
    }

    /**
     * @param forSplit the split to open, overriding {@code --split}
     * @return the dataset these options name
     */
    public LabelledDataset open(String forSplit) {
        return isFashionMnist() ? FashionMnist.load(forSplit) : FolderDataset.open(Path.of(dataset));
    }
}
