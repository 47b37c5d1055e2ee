package dev.lookalike.analyzer.train;

import ai.djl.util.Pair;
import dev.lookalike.analyzer.model.ModelBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Per-epoch checkpoints of a training run: {@code dir/epoch-NNN/}, each a complete model bundle (so any
 * checkpoint can be evaluated or shipped as it is) with the {@link TrainingState} a resumed run needs. A
 * checkpoint is written into a temporary directory and renamed, so a crash never leaves a half-written one
 * that looks complete.
 */
final class Checkpoints {

    private static final Pattern EPOCH_DIR = Pattern.compile("epoch-(\\d{3,})");

    private final Path root;

    Checkpoints(Path root) {
        this.root = root;
    }

    Path directory(int epoch) {
        return root.resolve(String.format("epoch-%03d", epoch));
    }

    /**
     * @param epoch  the epoch just finished
     * @param bundle the model after it
     * @param state  the run's {@link TrainingState}, written beside the bundle
     */
    void save(int epoch, ModelBundle bundle, byte[] state) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".writing-");
        bundle.save(tmp);
        Files.write(tmp.resolve(TrainingState.FILE), state);
        Path target = directory(epoch);
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.list(target)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(target);
        }
        Files.move(tmp, target);
    }

    /**
     * @param epoch a checkpoint's epoch
     * @return its training state, or {@code null} for a checkpoint written before checkpoints carried one
     */
    byte[] state(int epoch) throws IOException {
        Path file = directory(epoch).resolve(TrainingState.FILE);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** @return the newest complete checkpoint and its epoch, or {@code null} when there is none */
    Pair<Integer, ModelBundle> latest() {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            int best = -1;
            for (Path d : dirs.toList()) {
                Matcher m = EPOCH_DIR.matcher(d.getFileName().toString());
                if (m.matches() && Files.isRegularFile(d.resolve(ModelBundle.SPEC_FILE))) {
                    best = Math.max(best, Integer.parseInt(m.group(1)));
                }
            }
            return best < 0 ? null : new Pair<>(best, ModelBundle.load(directory(best)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
