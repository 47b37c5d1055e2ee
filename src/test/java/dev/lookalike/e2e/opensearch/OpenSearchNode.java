package dev.lookalike.e2e.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real OpenSearch node for end-to-end tests, with plug-ins installed as a user installs them.
 *
 * <p>{@link #start} copies the unpacked distribution into a fresh folder under the temporary directory, installs
 * each plug-in zip with {@code bin/opensearch-plugin install --batch}, and starts the node on loopback with free
 * HTTP and transport ports, {@code discovery.type: single-node}, a small heap ({@code -Xms512m -Xmx1g}, then any
 * JVM options a test adds) and the JDK this test JVM runs on (OpenSearch 3 needs Java 21 or newer). As root, the
 * node runs as the unprivileged {@value UnprivilegedUser#NAME} user, since OpenSearch refuses root. It returns once
 * the cluster is yellow or green; if the node dies or is not healthy within {@link #STARTUP_TIMEOUT}, it is stopped and the failure shows
 * the end of the node's log. {@link #close} stops the node and every process it started, and deletes its folder:
 * call it from {@code @AfterAll} or use try-with-resources, so that a failing test never leaves a node behind.
 *
 * <p>Requests go through the JDK's {@link HttpClient}; answers are parsed with Jackson into {@link JsonResponse}.
 */
public final class OpenSearchNode implements AutoCloseable {

    /** How long a node may take to become healthy: a cold start on a busy two-core machine takes about 30 s. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Process process;
    private final URI uri;
    private final HttpClient http;

    private OpenSearchNode(Path home, Process process, URI uri) {
        this.home = home;
        this.process = process;
        this.uri = uri;
        // HTTP/1.1 as OpenSearch's clients speak it; the JDK's default would first try an HTTP/2 upgrade.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Lays out, starts and waits for a node.
     *
     * @param distribution an unpacked OpenSearch distribution (it is copied, never changed)
     * @param plugins      plug-in zips to install
     * @param settings     extra node settings, passed as {@code -E key=value}
     * @return the running, healthy node
     * @throws IOException    if the node cannot be laid out or started; the message holds the log's end
     * @throws AssertionError if the node does not become healthy in time; the message holds the log's end
     */
    public static OpenSearchNode start(Path distribution, List<Path> plugins, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(distribution, List.of(), plugins, settings);
    }

    /**
     * Lays out, starts and waits for a node with extra modules, e.g. one that the distribution lacks and a plug-in
     * extends.
     *
     * @param distribution an unpacked OpenSearch distribution (it is copied, never changed)
     * @param modules      module folders to copy into the node's {@code modules/}, before plug-ins are installed
     * @param plugins      plug-in zips to install
     * @param settings     extra node settings, passed as {@code -E key=value}
     * @return the running, healthy node
     * @throws IOException    if the node cannot be laid out or started; the message holds the log's end
     * @throws AssertionError if the node does not become healthy in time; the message holds the log's end
     */
    public static OpenSearchNode start(Path distribution, List<Path> modules, List<Path> plugins,
            Map<String, String> settings) throws IOException, InterruptedException {
        return start(distribution, modules, plugins, settings, List.of());
    }

    /**
     * Lays out, starts and waits for a node whose JVM gets options beyond the heap's, e.g. to tune its collector.
     *
     * @param distribution an unpacked OpenSearch distribution (it is copied, never changed)
     * @param modules      module folders to copy into the node's {@code modules/}, before plug-ins are installed
     * @param plugins      plug-in zips to install
     * @param settings     extra node settings, passed as {@code -E key=value}
     * @param jvmOptions   JVM options added after the heap's, through {@code OPENSEARCH_JAVA_OPTS}
     * @return the running, healthy node
     * @throws IOException    if the node cannot be laid out or started; the message holds the log's end
     * @throws AssertionError if the node does not become healthy in time; the message holds the log's end
     */
    public static OpenSearchNode start(Path distribution, List<Path> modules, List<Path> plugins,
            Map<String, String> settings, List<String> jvmOptions) throws IOException, InterruptedException {
        OpenSearchNode node = launch(distribution, modules, plugins, settings, "e2e-0", FreePort.pick(),
                FreePort.pick(), List.of("-E", "discovery.type=single-node"), jvmOptions);
        node.awaitHealthyOrClose("wait_for_status=yellow");
        return node;
    }

    /**
     * Lays out and starts a node without waiting for it, for clusters whose nodes must all start before any is
     * healthy.
     *
     * @param distribution  an unpacked OpenSearch distribution (it is copied, never changed)
     * @param modules       module folders to add to the distribution's
     * @param plugins       plug-in zips to install
     * @param settings      extra node settings, passed as {@code -E key=value}
     * @param name          the node's name
     * @param httpPort      its HTTP port
     * @param transportPort its transport port
     * @param discovery     how it finds the cluster, as {@code -E} arguments
     * @param jvmOptions    JVM options added after the heap's
     * @return the started node
     * @throws IOException if the node cannot be laid out or started
     */
    static OpenSearchNode launch(Path distribution, List<Path> modules, List<Path> plugins,
            Map<String, String> settings, String name, int httpPort, int transportPort, List<String> discovery,
            List<String> jvmOptions) throws IOException, InterruptedException {
        if (!Files.isRegularFile(distribution.resolve("bin/opensearch"))) {
            throw new IOException(distribution + " is not an unpacked OpenSearch distribution (no bin/opensearch);"
                    + " the e2e module's build unpacks it into target/");
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() < 21) {
            throw new IOException("OpenSearch 3 needs Java 21 or newer; the tests run on " + Runtime.version());
        }
        UnprivilegedUser user = UnprivilegedUser.forNodes();
        Path home = Files.createTempDirectory("lookalike-opensearch-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            copyTree(distribution, home);
            for (Path module : modules) {
                if (!Files.isRegularFile(module.resolve("plugin-descriptor.properties"))) {
                    throw new IOException(module + " is not a module folder (no plugin-descriptor.properties)");
                }
                copyTree(module, home.resolve("modules").resolve(module.getFileName().toString()));
            }
            for (Path zip : plugins) {
                install(home, javaHome, zip);
            }
            Files.createDirectories(home.resolve("tmp"));
            user.own(home);
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/opensearch").toString(),
                    "-E", "cluster.name=lookalike-e2e", "-E", "node.name=" + name,
                    "-E", "network.host=127.0.0.1", "-E", "http.port=" + httpPort,
                    "-E", "transport.port=" + transportPort,
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
            command.addAll(discovery);
            settings.forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
            ProcessBuilder builder = new ProcessBuilder(user.commandAs(command)).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("logs/console.log").toFile());
            environment(builder, javaHome, jvmOptions);
            // Else the node makes its temporary folder under /tmp, and it would outlive the node.
            builder.environment().put("OPENSEARCH_TMPDIR", home.resolve("tmp").toString());
            Process process = builder.start();
            return new OpenSearchNode(home, process, URI.create("http://127.0.0.1:" + httpPort));
        } catch (IOException | RuntimeException e) {
            deleteTree(home);
            throw e;
        }
    }

    /**
     * Waits until the cluster health the node reports meets the condition; stops the node if it does not.
     *
     * @param condition a cluster-health condition, e.g. {@code wait_for_status=yellow&wait_for_nodes=3}
     * @throws IOException    if the node does not answer
     * @throws AssertionError if the node dies or the condition is not met in time; the message holds the log's end
     */
    void awaitHealthyOrClose(String condition) throws IOException, InterruptedException {
        try {
            awaitHealthy(condition);
        } catch (IOException | AssertionError | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void environment(ProcessBuilder builder, Path javaHome, List<String> jvmOptions) {
        Map<String, String> env = builder.environment();
        env.put("OPENSEARCH_JAVA_HOME", javaHome.toString());
        env.put("JAVA_HOME", javaHome.toString());
        List<String> options = new ArrayList<>(List.of("-Xms512m", "-Xmx1g"));
        options.addAll(jvmOptions);
        env.put("OPENSEARCH_JAVA_OPTS", String.join(" ", options));
        // Options meant for the test JVM (surefire's, a user's) must not leak into the node.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
    }

    private static void install(Path home, Path javaHome, Path zip) throws IOException, InterruptedException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("plug-in zip " + zip + " does not exist; build it first (mvn verify builds it)");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/opensearch-plugin").toString(), "install",
                "--batch", zip.toUri().toString()).directory(home.toFile()).redirectErrorStream(true);
        environment(builder, javaHome, List.of());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("opensearch-plugin install " + zip + " failed:\n" + out);
        }
    }

    private void awaitHealthy(String condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the OpenSearch node exited with " + process.exitValue()
                        + " before becoming healthy\n" + logTail());
            }
            try {
                JsonResponse health = get("/_cluster/health?" + condition + "&timeout=1s");
                String status = health.body().path("status").asText();
                if (health.status() == 200 && !health.body().path("timed_out").asBoolean()
                        && ("green".equals(status) || "yellow".equals(status))) {
                    return;
                }
                last = health.toString();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the OpenSearch node did not reach " + condition + " in " + STARTUP_TIMEOUT + " (last: " + last
                + ")\n" + logTail());
    }

    /** @return the node's config directory, where tests may put files the node is allowed to read */
    public Path configDir() {
        return home.resolve("config");
    }

    /** @return the node's HTTP address, e.g. {@code http://127.0.0.1:41234} */
    public URI uri() {
        return uri;
    }

    /**
     * @param path a path with its query, e.g. {@code /_cat/plugins?format=json}
     * @return the answer
     * @throws IOException if the node does not answer
     */
    public JsonResponse get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri.resolve(path)).GET());
    }

    /**
     * Sends a request with a JSON body ({@code Content-Type: application/json}).
     *
     * @param method the HTTP method
     * @param path   a path with its query
     * @param body   the body, sent as it is (it need not be valid JSON)
     * @return the answer
     * @throws IOException if the node does not answer
     */
    public JsonResponse send(String method, String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonResponse send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return parse(response.statusCode(), response.body());
    }

    /**
     * @param status an HTTP status
     * @param text   a body
     * @return the response, its body parsed as JSON when it is JSON
     */
    static JsonResponse parse(int status, String text) {
        JsonNode body;
        try {
            body = text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new JsonResponse(status, body, text);
    }

    /** @return the client this node's requests go through, for tests that send many requests at once */
    public HttpClient client() {
        return http;
    }

    /** @return whether the node's process is still running */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** @return the last 200 lines the node wrote to its console, for failure messages */
    public String logTail() {
        Path log = home.resolve("logs/console.log");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return "--- end of " + log + "\n" + String.join("\n", all.subList(Math.max(0, all.size() - 200), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    /**
     * Stops the node (SIGTERM, then SIGKILL after 30 s) and every process it started, and deletes its folder.
     * Safe to call twice.
     */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            deleteTree(home);
        } catch (IOException e) {
            System.err.println("could not delete the node's folder " + home + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "OpenSearchNode[" + uri + ", " + home + (process.isAlive() ? ", running]" : ", stopped]");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                // Unpacking with Maven may drop the executable bit of the launch scripts.
                if (from.relativize(file).startsWith("bin")) {
                    target.toFile().setExecutable(true, false);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
