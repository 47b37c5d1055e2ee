package dev.lookalike.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./lookalike} launcher as a user would, and captures what it prints. */
public final class LookalikeCli {

    /**
     * What a run printed and how it ended.
     *
     * @param exitCode the exit code
     * @param stdout   what it printed on standard output
     * @param stderr   what it printed on standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * A benchmark's run and the figures it wrote.
     *
     * @param run     what it printed and how it ended
     * @param figures what it wrote with {@code --json}, or {@code null} if it failed before writing
     */
    public record BenchRun(Result run, JsonNode figures) {
    }

    /** How long a run may take unless a caller says otherwise. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private LookalikeCli() {
    }

    /**
     * Runs a benchmark command: small by default, at the size a script asks for through a system property.
     * Writes {@code --json} where the arguments say (relative to the repository), else to a temporary file that
     * is removed, and reads it back. Prints what the command printed, so that a script's table shows in the log.
     *
     * @param command  the command's words, e.g. {@code bench ingest --url ...}
     * @param property a system property holding the full-size arguments (empty: run small)
     * @param small    the arguments of the small run
     * @return the run and its figures
     */
    public static BenchRun bench(List<String> command, String property, List<String> small)
            throws IOException, InterruptedException {
        String full = System.getProperty(property, "").trim();
        List<String> args = new ArrayList<>(command);
        args.addAll(full.isEmpty() ? small : Arrays.asList(full.split("\\s+")));
        return bench(args, RUN_TIMEOUT);
    }

    /**
     * Runs a benchmark command with the given arguments, and reads back its {@code --json} as
     * {@link #bench(List, String, List)} does.
     *
     * @param args    the command's words and options
     * @param timeout how long it may run
     * @return the run and its figures
     */
    public static BenchRun bench(List<String> args, Duration timeout) throws IOException, InterruptedException {
        args = new ArrayList<>(args);
        int given = args.indexOf("--json");
        Path json = given >= 0 ? repo().resolve(args.get(given + 1)) : Files.createTempFile("lookalike-bench", ".json");
        if (given < 0) {
            args.addAll(List.of("--json", json.toString()));
        }
        try {
            Result run = run(timeout, args.toArray(String[]::new));
            System.out.println(run.stdout());
            return new BenchRun(run, Files.size(json) > 0 ? new ObjectMapper().readTree(json.toFile()) : null);
        } finally {
            if (given < 0) {
                Files.deleteIfExists(json);
            }
        }
    }

    /** @return the repository's root */
    public static Path repo() {
        return Path.of(System.getProperty("lookalike.repo", "../..")).toAbsolutePath().normalize();
    }

    /**
     * @param args the command line's arguments
     * @return what the run printed and its exit code
     */
    public static Result run(String... args) throws IOException, InterruptedException {
        return run(RUN_TIMEOUT, args);
    }

    /**
     * @param timeout how long the run may take; beyond it, it is killed and this throws
     * @param args    the command line's arguments
     * @return what the run printed and its exit code
     */
    public static Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(repo().resolve("lookalike").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("lookalike-out", ".txt");
        Path err = Files.createTempFile("lookalike-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(repo().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("lookalike " + String.join(" ", args) + " did not finish in " + timeout);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
