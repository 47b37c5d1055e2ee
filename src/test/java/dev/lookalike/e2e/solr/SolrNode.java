package dev.lookalike.e2e.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One real Solr 10 node for end-to-end tests, run by the repository's launcher ({@code node} subcommand of
 * {@code src/solr-node}) in its own JVM, with plug-ins installed as a user installs them: the zip's jars in
 * {@code <solr_home>/lib}, nothing of Lookalike on the node's classpath otherwise.
 *
 * <p>{@link #start} runs a standalone node, {@link #join} a SolrCloud node; both listen on 127.0.0.1 on a free
 * port, with a {@value #HEAP} heap and the JDK this test JVM runs on, in a fresh folder under the temporary
 * directory, and return once the node answers its health check. {@link #close} stops the node cleanly and
 * deletes its folder: call it from {@code @AfterAll} or use try-with-resources, so that a failing test never
 * leaves a node behind. {@link #kill} is SIGKILL, for tests of node loss.
 *
 * <p>Requests go through the JDK's {@link HttpClient}; answers are parsed with Jackson into {@link SolrResponse}.
 */
public final class SolrNode implements AutoCloseable {

    /** Each node's heap: enough for the small collections these tests index, and three nodes fit in CI. */
    public static final String HEAP = "512m";

    private static final String READY = "Solr node listening at ";
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LauncherProcess process;
    private final URI url;
    private final HttpClient http;

    private SolrNode(LauncherProcess process) {
        this.process = process;
        this.url = URI.create(process.address() + "/");
        // HTTP/1.1: the JDK's default would first try an HTTP/2 upgrade.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Starts a standalone node.
     *
     * @param plugins    plug-in zips to install into the node's {@code lib/}
     * @param configSets configset folders, copied into the node's {@code configsets/} under their folder's name
     * @return the running node
     * @throws IOException    if the launcher is not built or cannot run
     * @throws AssertionError if the node does not answer in time; the message holds its log's end
     */
    public static SolrNode start(List<Path> plugins, List<Path> configSets) throws IOException, InterruptedException {
        return launch(plugins, configSets, null, Map.of());
    }

    /**
     * Starts a standalone node with system properties, as a user sets them in {@code SOLR_OPTS}.
     *
     * @param plugins    plug-in zips to install into the node's {@code lib/}
     * @param configSets configset folders, copied into the node's {@code configsets/} under their folder's name
     * @param properties system properties of the node's JVM, e.g. a plug-in's node settings
     * @return the running node
     * @throws IOException    if the launcher is not built or cannot run
     * @throws AssertionError if the node does not answer in time; the message holds its log's end
     */
    public static SolrNode start(List<Path> plugins, List<Path> configSets, Map<String, String> properties)
            throws IOException, InterruptedException {
        return launch(plugins, configSets, null, properties);
    }

    /**
     * Starts a node that joins a SolrCloud.
     *
     * @param zkHost     the cloud's ZooKeeper address with its chroot, e.g. {@code 127.0.0.1:2181/solr}
     * @param plugins    plug-in zips to install into the node's {@code lib/}
     * @param configSets configset folders to upload to ZooKeeper under their folder's name
     * @return the running node
     * @throws IOException    if the launcher is not built or cannot run
     * @throws AssertionError if the node does not answer in time; the message holds its log's end
     */
    public static SolrNode join(String zkHost, List<Path> plugins, List<Path> configSets)
            throws IOException, InterruptedException {
        return launch(plugins, configSets, zkHost, Map.of());
    }

    private static SolrNode launch(List<Path> plugins, List<Path> configSets, String zkHost,
            Map<String, String> properties) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("node", "--home", "{dir}/home", "--port", "0"));
        if (zkHost != null) {
            args.addAll(List.of("--zk", zkHost));
        }
        for (Path zip : plugins) {
            args.addAll(List.of("--plugin", zip.toAbsolutePath().toString()));
        }
        for (Path configSet : configSets) {
            args.addAll(List.of("--configset", configSet.toAbsolutePath().toString()));
        }
        List<String> jvmOptions = properties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
        return new SolrNode(LauncherProcess.start(HEAP, jvmOptions, READY, args));
    }

    /** @return the node's base URL, e.g. {@code http://127.0.0.1:41234/solr/} */
    public URI url() {
        return url;
    }

    /** @return the node's Solr home, e.g. to check what {@code lib/} holds */
    public Path home() {
        return process.dir().resolve("home");
    }

    /**
     * @param path   a path under the node's URL, e.g. {@code items/select} or {@code admin/cores}
     * @param params request parameters, URL-encoded here; {@code wt=json} is added
     * @return the answer
     * @throws IOException if the node does not answer
     */
    public SolrResponse get(String path, Map<String, String> params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url.resolve(path + "?" + query(params))).GET());
    }

    /**
     * Sends a JSON body ({@code Content-Type: application/json}), e.g. documents to {@code <core>/update}.
     *
     * @param path   a path under the node's URL
     * @param params request parameters; {@code wt=json} is added
     * @param body   the body, sent as it is
     * @return the answer
     * @throws IOException if the node does not answer
     */
    public SolrResponse post(String path, Map<String, String> params, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url.resolve(path + "?" + query(params)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * Sends raw bytes ({@code Content-Type: application/octet-stream}), e.g. an image to {@code <core>/lookalike/embed}.
     *
     * @param path   a path under the node's URL
     * @param params request parameters; {@code wt=json} is added
     * @param body   the bytes
     * @return the answer
     * @throws IOException if the node does not answer
     */
    public SolrResponse postBytes(String path, Map<String, String> params, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url.resolve(path + "?" + query(params)))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String query(Map<String, String> params) {
        String encoded = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return encoded.isEmpty() ? "wt=json" : encoded + "&wt=json";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private SolrResponse send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new SolrResponse(response.statusCode(), body, response.body());
    }

    /** @return whether the node's process is still running */
    public boolean isRunning() {
        return process.isRunning();
    }

    /** @return the last 200 lines the node logged, for failure messages */
    public String logTail() {
        return process.logTail();
    }

    /** Kills the node with SIGKILL, as a crash would; {@link #close} still deletes its folder. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** Stops the node cleanly (SIGTERM; SIGKILL after 60 s) and deletes its folder. Safe to call twice. */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "SolrNode[" + url + (process.isRunning() ? ", running]" : ", stopped]");
    }
}
