package dev.lookalike.tools.bench.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The record {@code bench search --index-dir} leaves beside the index it built: what the corpus and the index were
 * built from (a fingerprint of the options) and the build's figures, so that {@code --reuse-index} can search it
 * again instead of spending the build once more. A record whose fingerprint differs is refused, naming both.
 */
public final class BuiltIndex {

    /** The record's file name, in the index folder. */
    public static final String FILE = "lookalike-bench-index.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /**
     * The record as written.
     *
     * @param fingerprint what the index was built from
     * @param build       its build figures
     */
    public record Record(String fingerprint, SearchBenchResult.Build build) {
    }

    private BuiltIndex() {
    }

    /**
     * @param folder      the index folder
     * @param fingerprint what the index was built from
     * @param build       its build figures
     * @throws IOException if the record cannot be written
     */
    public static void record(Path folder, String fingerprint, SearchBenchResult.Build build) throws IOException {
        JSON.writeValue(folder.resolve(FILE).toFile(), new Record(fingerprint, build));
    }

    /** @return whether the folder holds a record of a build */
    public static boolean isRecorded(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /**
     * @param folder      the index folder
     * @param fingerprint what this run would build
     * @return the recorded build figures, or {@code null} when the folder holds no record (an empty folder)
     * @throws IllegalArgumentException if the record is of another corpus or other index options
     * @throws IOException              if the record cannot be read
     */
    public static SearchBenchResult.Build reuse(Path folder, String fingerprint) throws IOException {
        if (!isRecorded(folder)) {
            return null;
        }
        Record record = JSON.readValue(folder.resolve(FILE).toFile(), Record.class);
        if (!fingerprint.equals(record.fingerprint())) {
            throw new IllegalArgumentException("--reuse-index: the index in " + folder + " was built from "
                    + record.fingerprint() + "; this run asks for " + fingerprint
                    + ". Give the same options or a new --index-dir");
        }
        return record.build();
    }
}
