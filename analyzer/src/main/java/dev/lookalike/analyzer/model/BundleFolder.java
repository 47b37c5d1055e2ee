package dev.lookalike.analyzer.model;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The folder a finished bundle goes to, written so that it never holds half a bundle: the bundle is saved
 * into a new hidden folder beside it ({@code .NAME.writing-*}) and moved into place; a bundle already there
 * is moved aside first ({@code .NAME.old-*}) and deleted after, so a crash between the two moves leaves no
 * folder and the old bundle beside it, never a mix. A folder that holds anything but a bundle's files is never
 * replaced. Costs one copy of the bundle on disk while it is written.
 */
public final class BundleFolder {

    /** The files a bundle written by this version holds. */
    private static final Set<String> BUNDLE_FILES = Set.of(ModelBundle.SPEC_FILE, "model.params", "proxies.json");

    private BundleFolder() {
    }

    /**
     * Checks that a bundle may be written to a folder: it does not exist, or it is empty, or it holds only a
     * bundle's files (an earlier bundle, which will be replaced).
     *
     * @param dir the folder, named in the message as {@code option}
     * @param option how the user named the folder, e.g. {@code --out}
     * @throws AnalyzerInputException if it is a file, or holds something that is not part of a bundle
     */
    public static void requireReplaceable(Path dir, String option) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new AnalyzerInputException(option + " " + dir, "exists and is not a folder: refusing to replace it");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> foreign = entries.filter(p -> !BUNDLE_FILES.contains(p.getFileName().toString())
                    || !Files.isRegularFile(p)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new AnalyzerInputException(option + " " + dir, "holds " + foreign.getFirst().getFileName()
                        + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                        + ", which is not part of a model bundle: refusing to replace it (pick another folder, or empty it)");
            }
        } catch (IOException e) {
            throw new AnalyzerInputException(option + " " + dir, "cannot list: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a bundle to a folder, replacing the bundle there if any; the folder's parent is created if
     * needed. The folder holds the old bundle or the new one, never a mix, and never half of one.
     *
     * @param bundle the bundle
     * @param dir    the folder
     * @param option how the user named the folder, e.g. {@code --out}
     * @throws AnalyzerInputException if the folder holds something else ({@link #requireReplaceable})
     * @throws IOException            if writing or moving fails; the folder is then as it was
     */
    public static void write(ModelBundle bundle, Path dir, String option) throws IOException {
        requireReplaceable(dir, option);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        Path writing = Files.createDirectory(besides(parent, name, "writing"));
        try {
            bundle.save(writing);
            if (Files.exists(target)) {
                Path old = besides(parent, name, "old");
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(writing, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(writing, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            if (Files.exists(writing)) {
                deleteTree(writing);
            }
        }
    }

    /** A new hidden name beside the folder; made with the process's usual permissions, not a temporary folder's. */
    private static Path besides(Path parent, String name, String what) {
        return parent.resolve("." + name + "." + what + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
