package dev.lookalike.tools.command;

import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.cli.SkipReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lookalike embed}: writes the embedding of every image of a labelled dataset as TSV. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Embed every image of a labelled dataset and write one TSV row per image:",
            "index, label (the class name), then the embedding's floats; a header row first.",
            "Images that cannot be decoded are skipped and listed on stderr (exit code 1)."})
public final class EmbedCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, paramLabel = "FILE.tsv", description = "The TSV file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        LabelledDataset dataset = data.open();
        ModelBundle bundle = model.bundle();
        BatchEmbedding result;
        try (Embedder embedder = model.embedder(bundle);
                Progress progress = new Progress("embedding", dataset.size(), "img")) {
            result = embedder.embedDataset(dataset, progress);
        }
        write(dataset, result, bundle.spec().embeddingSize());
        System.out.printf("%d embeddings of %s (model %s) written to %s%n",
                result.embeddedCount(), dataset.description(), bundle.spec().name(), out);
        return SkipReport.print(result.skipped(), System.err);
    }

    private void write(LabelledDataset dataset, BatchEmbedding result, int dims) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            StringBuilder header = new StringBuilder("index\tlabel");
            for (int d = 0; d < dims; d++) {
                header.append("\te").append(d);
            }
            w.write(header.append('\n').toString());
            for (int i = 0; i < dataset.size(); i++) {
                float[] v = result.vectors().get(i);
                if (v == null) {
                    continue;
                }
                StringBuilder row = new StringBuilder().append(i).append('\t')
                        .append(dataset.classNames().get(dataset.label(i)));
                for (float x : v) {
                    row.append('\t').append(x);
                }
                w.write(row.append('\n').toString());
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
