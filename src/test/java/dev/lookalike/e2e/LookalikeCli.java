package dev.lookalike.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private LookalikeCli() {
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
        List<String> command = new ArrayList<>();
        command.add(repo().resolve("lookalike").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("lookalike-out", ".txt");
        Path err = Files.createTempFile("lookalike-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(repo().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("lookalike " + String.join(" ", args) + " did not finish in 15 minutes");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
