package dev.lookalike.solrnode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code node} subcommand run in its own JVM, with this JVM's java and classpath, so that a test can kill it
 * without touching the others. Its standard error goes to a log file; its standard output is read for the line
 * with its URL.
 */
final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final CompletableFuture<String> url = new CompletableFuture<>();

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readOutput, "node-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param heap       the node's maximum heap, as for {@code -Xmx} (e.g. {@code 512m})
     * @param nodeArgs   the {@code node} subcommand's options
     * @param log        where the node's standard error goes
     * @return the started process; {@link #awaitUrl} waits for it to answer
     * @throws IOException if the JVM cannot be started
     */
    static NodeProcess start(String heap, List<String> nodeArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap,
                // As Solr's own start script: Lucene's vectorised code, and its native access without a warning.
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                SolrNodeLauncher.class.getName(), "node"));
        command.addAll(nodeArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        return new NodeProcess(builder.start(), log);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(NodeCommand.READY)) {
                    url.complete(line.substring(NodeCommand.READY.length()).trim());
                }
            }
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
        url.completeExceptionally(new IOException("the node exited before answering; see " + log));
    }

    /**
     * @param timeout how long to wait
     * @return the node's URL, once it answers
     * @throws LaunchException if the node exits or does not answer in time
     */
    String awaitUrl(Duration timeout) throws LaunchException, InterruptedException {
        try {
            return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LaunchException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LaunchException("the node (pid " + process.pid() + ") did not answer in " + timeout
                    + "; see " + log);
        }
    }

    /** @return the node's process id */
    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM without waiting, so that several nodes can leave at once before {@link #close}. */
    void requestStop() {
        process.destroy();
    }

    /** Stops the node with SIGTERM (its shutdown hook closes Solr), then SIGKILL after a minute. */
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
    }
}
