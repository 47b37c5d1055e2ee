package dev.lookalike.solrnode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One Solr node in this JVM: Jetty with Solr's dispatch filter on {@code 127.0.0.1:<port>/solr}, the node's
 * {@code CoreContainer} reading {@link SolrHome}. Standalone, or a SolrCloud node when given a ZooKeeper address.
 *
 * <p>{@link #start} returns once the node answers its health check (a few seconds; longer when it joins a cloud
 * or loads many cores). {@link #close} stops Jetty, which closes the {@code CoreContainer}: every core is
 * committed and closed, and a cloud node leaves the live nodes in ZooKeeper.
 */
public final class LocalSolrNode implements AutoCloseable {

    /** How long a node may take to answer its health check after Jetty has started. */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final JettySolrRunner runner;
    private final URI url;

    private LocalSolrNode(JettySolrRunner runner, URI url) {
        this.runner = runner;
        this.url = url;
    }

    /**
     * @param home   the node's Solr home
     * @param port   the HTTP port, or 0 for a free one
     * @param zkHost a ZooKeeper address {@code host:port[/chroot]} to join a SolrCloud, or {@code null} for a
     *               standalone node
     * @return the running node, answering requests
     * @throws LaunchException if the node does not start or does not answer in time
     */
    public static LocalSolrNode start(SolrHome home, int port, String zkHost)
            throws LaunchException, InterruptedException {
        int bound = LoopbackPort.resolve(port);
        Properties properties = new Properties();
        properties.setProperty("hostPort", Integer.toString(bound));
        if (zkHost != null) {
            properties.setProperty("zkHost", zkHost);
        }
        JettyConfig config = JettyConfig.builder().setPort(bound).stopAtShutdown(false).build();
        JettySolrRunner runner = new JettySolrRunner(home.dir().toString(), properties, config);
        URI url = URI.create("http://" + LoopbackPort.HOST + ":" + bound + "/solr");
        LocalSolrNode node = new LocalSolrNode(runner, url);
        try {
            runner.start();
            node.awaitHealthy();
            return node;
        } catch (LaunchException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        } catch (Exception e) {
            node.close();
            throw new LaunchException("the Solr node on port " + bound + " with home " + home.dir()
                    + " did not start: " + e, e);
        }
    }

    private void awaitHealthy() throws LaunchException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/admin/info/health?wt=json"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new LaunchException("the Solr node at " + url + " did not become healthy in " + STARTUP_TIMEOUT
                + " (last answer: " + last + ")");
    }

    /** @return the node's base URL, {@code http://127.0.0.1:<port>/solr} */
    public URI url() {
        return url;
    }

    /** Stops Jetty and the node's {@code CoreContainer}. Safe to call twice. */
    @Override
    public void close() {
        try {
            if (!runner.isStopped()) {
                runner.stop();
            }
        } catch (Exception e) {
            System.err.println("stopping the Solr node at " + url + " failed: " + e);
        }
    }
}
