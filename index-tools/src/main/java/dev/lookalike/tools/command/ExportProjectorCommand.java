package dev.lookalike.tools.command;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.report.projector.ProjectorConfig;
import dev.lookalike.tools.report.projector.ProjectorExport;
import dev.lookalike.tools.report.projector.ProjectorItems;
import dev.lookalike.tools.report.projector.ProjectorTables;
import dev.lookalike.tools.report.projector.SpriteSheet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike export-projector}: writes an index's vectors, metadata and thumbnails in the files the
 * TensorBoard Embedding Projector reads (see {@link ProjectorExport}), a seeded uniform sample when the index
 * holds more than {@code --limit} items. The sprite must stay within 8192 px a side: when the items would not
 * fit at {@code --thumbnail} pixels, the command fails before writing anything (exit code 2) and says how
 * many would; {@code --no-sprite} exports without one. Items whose image cannot be read get a blank tile and
 * a warning (exit code 0); when none can be read, no sprite is written. Bad options exit with code 2 and a
 * message naming the option.
 */
@Command(name = "export-projector", mixinStandardHelpOptions = true,
        description = {"Export an index's vectors for the TensorBoard Embedding Projector, into OUT:",
            "  vectors.tsv             one row of floats per item, no header",
            "  metadata.tsv            a header (id, category, proxy_category, title),",
            "                          then one row per item in the same order",
            "  sprite.png              the items' images as square thumbnails, row by row",
            "  projector_config.json   for projector.tensorflow.org (Load, or ?config=URL",
            "                          with OUT served)",
            "  projector_config.pbtxt  for `tensorboard --logdir OUT`",
            "Paths in the configs are relative to OUT. With more live items than --limit, a seeded uniform sample"
                + " is exported, in index order.",
            "The sprite must stay within 8192 x 8192 px: more items than fit at --thumbnail px is an error (exit"
                + " code 2); lower --limit or --thumbnail, or use --no-sprite.",
            "Items whose image cannot be read get a blank tile and a warning; when none can be read, no sprite is"
                + " written.",
            "Examples:",
            "  lookalike export-projector --index idx --out projector",
            "  lookalike export-projector --index idx --out projector --limit 2000 \\",
            "      --thumbnail 64 --sample-seed 7"})
public final class ExportProjectorCommand implements Callable<Integer> {

    /** The smallest {@code --thumbnail}. */
    static final int MIN_THUMBNAIL = 8;
    /** The largest {@code --thumbnail}. */
    static final int MAX_THUMBNAIL = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The Lucene index folder to export.")
    Path index;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write into (created if missing; the export's files in it are replaced).")
    Path out;

    @Option(names = "--limit", defaultValue = "10000", paramLabel = "N",
            description = "Export at most N items, at least 1: a uniform sample when the index holds more."
                    + " Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--sample-seed", defaultValue = "42", paramLabel = "S",
            description = "Seeds the sample taken when the index holds more than --limit items. Default: ${DEFAULT-VALUE}.")
    long sampleSeed;

    @Option(names = "--thumbnail", defaultValue = "28", paramLabel = "PX",
            description = "A sprite tile's side in pixels, " + MIN_THUMBNAIL + ".." + MAX_THUMBNAIL
                    + "; images are fitted in with their aspect ratio kept. Default: ${DEFAULT-VALUE}.")
    int thumbnail;

    @Option(names = "--no-sprite", description = "Write no sprite.png (the projector then shows points only).")
    boolean noSprite;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = open(directory)) {
            ProjectorItems all = ProjectorItems.all(reader);
            if (all.count() == 0) {
                throw new SearchInputException("--index " + index, "holds no live items with a vector to export");
            }
            ProjectorItems chosen = all.sample(limit, sampleSeed);
            if (!noSprite) {
                SpriteSheet.requireFits(chosen.count(), thumbnail);
            }
            if (chosen.count() < all.count()) {
                stdout.printf("sampled %d of %d items uniformly (--sample-seed %d), in index order%n",
                        chosen.count(), all.count(), sampleSeed);
            }
            Files.createDirectories(out);
            ProjectorExport.Written written;
            try (Progress progress = new Progress("exporting", chosen.count(), "item")) {
                written = new ProjectorExport(new ImageDecoder(ImageLimits.DEFAULT))
                        .write(chosen, tensorName(), noSprite ? null : thumbnail, out, progress);
            }
            report(written, stdout);
        }
        return 0;
    }

    private void checkOptions() throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        if (thumbnail < MIN_THUMBNAIL || thumbnail > MAX_THUMBNAIL) {
            throw new IllegalArgumentException("--thumbnail must be between " + MIN_THUMBNAIL + " and " + MAX_THUMBNAIL
                    + " px, got " + thumbnail);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a folder; name a folder to write into");
        }
        if (Files.isDirectory(out) && Files.isDirectory(index) && Files.isSameFile(out, index)) {
            throw new IllegalArgumentException("--out " + out + " is the index folder; name another folder");
        }
    }

    private DirectoryReader open(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            throw new SearchInputException("--index " + index, "holds no index; build one with lookalike index");
        }
        return DirectoryReader.open(directory);
    }

    /** The index folder's name, which the projector shows as the tensor's. */
    private String tensorName() {
        Path name = index.toAbsolutePath().normalize().getFileName();
        return name == null ? "lookalike" : name.toString();
    }

    private void report(ProjectorExport.Written written, PrintWriter stdout) {
        stdout.printf("exported %d items of %d dimensions from %s into %s:%n", written.rows(), written.dimension(),
                index, out);
        stdout.printf("  %-24s %d rows%n", out.resolve(ProjectorExport.VECTORS_FILE), written.rows());
        stdout.printf("  %-24s header + %d rows (%s)%n", out.resolve(ProjectorExport.METADATA_FILE), written.rows(),
                String.join(", ", ProjectorTables.METADATA_COLUMNS));
        int perRow = written.spritePerRow();
        if (perRow > 0) {
            stdout.printf("  %-24s %d x %d tiles of %d px (%d x %d px)%n", out.resolve(ProjectorExport.SPRITE_FILE),
                    perRow, perRow, thumbnail, perRow * thumbnail, perRow * thumbnail);
        }
        stdout.printf("  %-24s%n  %-24s%n", out.resolve(ProjectorConfig.JSON_FILE), out.resolve(ProjectorConfig.PBTXT_FILE));
        PrintWriter err = spec.commandLine().getErr();
        if (written.unreadable() > 0 && perRow > 0) {
            err.printf("lookalike export-projector: warning: %d of %d item images could not be read; their tiles are"
                    + " blank (first: %s)%n", written.unreadable(), written.rows(), written.firstProblem());
        } else if (written.unreadable() > 0) {
            err.printf("lookalike export-projector: warning: none of the %d item images could be read, so no sprite"
                    + " was written (first: %s)%n", written.rows(), written.firstProblem());
        }
    }
}
