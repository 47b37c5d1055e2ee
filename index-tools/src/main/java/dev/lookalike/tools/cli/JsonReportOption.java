package dev.lookalike.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The benchmarks' {@code --json FILE}: every figure and setting of a run, in snake_case, for scripts and plots. */
public final class JsonReportOption {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write every figure and setting to this JSON file.")
    Path json;

    /**
     * Writes the result when {@code --json} was given, creating its folder; does nothing otherwise.
     *
     * @param result the run's result, a record
     * @throws IOException if the file cannot be written
     */
    public void write(Object result) throws IOException {
        if (json == null) {
            return;
        }
        Files.createDirectories(json.toAbsolutePath().getParent());
        JSON.writeValue(json.toFile(), result);
    }
}
