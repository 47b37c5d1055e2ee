package dev.lookalike.e2e.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of the Solr launcher ({@code src/solr-node}, main class {@value #MAIN}) in its own JVM: the JDK this test
 * JVM runs on, the launcher's jar and its {@code target/lib} as classpath, a small heap, and a fresh folder under
 * the temporary directory that holds the server's files and its console log ({@code console.log}). {@link #close}
 * stops it (SIGTERM, then SIGKILL after 60 s) and deletes the folder; {@link #kill} is SIGKILL alone.
 */
final class LauncherProcess implements AutoCloseable {

    /** The launcher's main class. */
    static final String MAIN = "dev.lookalike.solrnode.SolrNodeLauncher";

    /** How long a server may take to print its address: a cold cloud node on a busy two-core machine needs ~30 s. */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final Path dir;
    private final Process process;
    private final String address;

    private LauncherProcess(Path dir, Process process, String address) {
        this.dir = dir;
        this.process = process;
        this.address = address;
    }

    /**
     * Starts a launcher subcommand and waits for the line that gives its address.
     *
     * @param heap       the JVM's heap, as for {@code -Xmx}
     * @param readyLine  what the line with the address starts with
     * @param subcommand the launcher's subcommand and its options; {@code {dir}} in an option is replaced by this
     *                   run's folder
     * @return the running server
     * @throws IOException    if the launcher is not built or cannot be started
     * @throws AssertionError if it exits or prints no address in time; the message holds its log's end
     */
    static LauncherProcess start(String heap, String readyLine, List<String> subcommand)
            throws IOException, InterruptedException {
        return start(heap, List.of(), readyLine, subcommand);
    }

    /**
     * Like {@link #start(String, String, List)}, with more options for the JVM, e.g. {@code -Dname=value}.
     *
     * @param heap       the heap, e.g. {@code 512m}
     * @param jvmOptions options for the JVM, before the class path
     * @param readyLine  the start of the line that says the process is ready, followed by its address
     * @param subcommand the launcher's subcommand and its arguments; {@code {dir}} stands for the process's folder
     * @return the running process
     * @throws IOException if the launcher is not built or cannot run
     */
    static LauncherProcess start(String heap, List<String> jvmOptions, String readyLine, List<String> subcommand)
            throws IOException, InterruptedException {
        String libProperty = System.getProperty("lookalike.solr.node.lib");
        String jarProperty = System.getProperty("lookalike.solr.node.jar");
        if (libProperty == null || jarProperty == null) {
            throw new IOException("lookalike.solr.node.lib and lookalike.solr.node.jar are not set; run the tests "
                    + "through Maven (src/test/pom.xml sets them)");
        }
        Path lib = Path.of(libProperty);
        Path jar = Path.of(jarProperty);
        if (!Files.isDirectory(lib) || !Files.isRegularFile(jar)) {
            throw new IOException("the Solr launcher is not built (" + jar + ", " + lib + "); build src/solr-node "
                    + "first (mvn -pl src/solr-node -am install -DskipTests)");
        }
        Path dir = Files.createTempDirectory("lookalike-solr-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap,
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", jar.toAbsolutePath() + java.io.File.pathSeparator + lib.toAbsolutePath() + "/*", MAIN));
        subcommand.forEach(arg -> command.add(arg.replace("{dir}", dir.toString())));
        Path log = dir.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Options meant for the test JVM (surefire's, a user's) must not leak into the server.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        Process process = builder.start();
        try {
            return new LauncherProcess(dir, process, awaitAddress(process, log, readyLine));
        } catch (IOException | AssertionError | RuntimeException e) {
            new LauncherProcess(dir, process, null).close();
            throw e;
        }
    }

    private static String awaitAddress(Process process, Path log, String readyLine)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                var ready = lines.filter(l -> l.startsWith(readyLine)).findFirst();
                if (ready.isPresent()) {
                    return ready.get().substring(readyLine.length()).trim();
                }
            } catch (java.io.UncheckedIOException e) {
                // A line being written is not valid UTF-8 yet; read again.
            }
            if (!process.isAlive()) {
                throw new AssertionError("the Solr launcher exited with " + process.exitValue()
                        + " before printing '" + readyLine + "'\n" + tail(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the Solr launcher printed no '" + readyLine + "' in " + STARTUP_TIMEOUT + "\n"
                + tail(log));
    }

    /** @return the address the server printed (a node's URL, ZooKeeper's {@code host:port}) */
    String address() {
        return address;
    }

    /** @return this run's folder */
    Path dir() {
        return dir;
    }

    /** @return whether the process is still running */
    boolean isRunning() {
        return process.isAlive();
    }

    /** @return the last 200 lines of the console log, for failure messages */
    String logTail() {
        return tail(dir.resolve("console.log"));
    }

    private static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            List<String> last = all.subList(Math.max(0, all.size() - 200), all.size());
            return "--- end of " + log + "\n" + String.join("\n", last);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    /** Kills the process with SIGKILL, as a crash would: no shutdown hook runs. Its folder stays until close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the process (SIGTERM, then SIGKILL after 60 s) and deletes its folder. Safe to call twice. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("could not delete the launcher's folder " + dir + ": " + e);
        }
    }
}
