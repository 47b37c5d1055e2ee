package dev.lookalike.solrnode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.cloud.ZkConfigSetService;
import org.apache.solr.cloud.ZkController;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.KeeperException;

/**
 * Configset folders ({@code <name>/conf/solrconfig.xml}), made ready for the launcher's node, and their upload to a
 * SolrCloud's ZooKeeper.
 *
 * <p>The launcher's Solr lacks the streaming module (only a stand-in of the two classes node start-up touches), and
 * Solr's implicit {@code /stream}, {@code /export} and {@code /graph} handlers would load the rest of it when a core
 * is created. So the launcher installs every configset with those three mapped to a plain
 * {@code solr.SearchHandler} ({@link #withoutStreamingHandlers}), in its own copy: the configset a user copies
 * into a real Solr, which has the module, needs no such lines.
 */
final class ConfigSets {

    /** The implicit handlers of the streaming module, which the launcher's node maps to plain search handlers. */
    static final List<String> STREAMING_HANDLERS = List.of("/stream", "/export", "/graph");

    private ConfigSets() {
    }

    /**
     * Maps each of {@link #STREAMING_HANDLERS} that a configset does not define itself to a plain search handler,
     * editing its {@code conf/solrconfig.xml} in place: call it on the launcher's copy, never on the original.
     *
     * @param configSet a configset folder
     * @throws IOException if its solrconfig.xml cannot be read or written, or has no {@code <config>} element
     */
    static void withoutStreamingHandlers(Path configSet) throws IOException {
        Path file = configSet.resolve("conf").resolve("solrconfig.xml");
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        if (!xml.contains("</config>") && xml.contains("<config/>")) {
            xml = xml.replace("<config/>", "<config>\n</config>");
        }
        int end = xml.lastIndexOf("</config>");
        if (end < 0) {
            throw new IOException(file + " has no </config>");
        }
        StringBuilder added = new StringBuilder();
        for (String handler : STREAMING_HANDLERS) {
            if (!xml.contains("name=\"" + handler + "\"")) {
                added.append("  <requestHandler name=\"").append(handler).append("\" class=\"solr.SearchHandler\"/>")
                        .append(" <!-- added by the launcher: its node lacks the streaming module -->\n");
            }
        }
        Files.writeString(file, xml.substring(0, end) + added + xml.substring(end), StandardCharsets.UTF_8);
    }

    /**
     * @param configSet a folder
     * @return its name (the folder's name)
     * @throws LaunchException if it has no {@code conf/solrconfig.xml}
     */
    static String check(Path configSet) throws LaunchException {
        if (!Files.isRegularFile(configSet.resolve("conf").resolve("solrconfig.xml"))) {
            throw new LaunchException("--configset " + configSet
                    + ": not a configset; expected a folder with conf/solrconfig.xml");
        }
        return configSet.toAbsolutePath().normalize().getFileName().toString();
    }

    /**
     * Creates the chroot of a ZooKeeper address if it is missing, as {@code bin/solr zk mkroot} does: a node
     * refuses to start under a chroot that does not exist.
     *
     * @param zkHost {@code host:port[/chroot]}
     * @throws LaunchException if ZooKeeper does not answer
     */
    static void ensureChroot(String zkHost) throws LaunchException {
        try {
            ZkController.checkChrootPath(zkHost, true);
        } catch (KeeperException.NodeExistsException e) {
            // Another node of the cloud, starting at the same time, created it first.
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new LaunchException("--zk " + zkHost + ": cannot create its chroot: " + e, e);
        }
    }

    /**
     * Uploads a configset to ZooKeeper under {@code /configs/<name>}, replacing its files, so that collections
     * can be created from it with {@code collection.configName=<name>}.
     *
     * @param zkHost    {@code host:port[/chroot]}; the chroot must exist
     * @param configSet a configset folder
     * @return the configset's name
     * @throws LaunchException if it is not a configset or the upload fails
     */
    static String upload(String zkHost, Path configSet) throws LaunchException {
        String name = check(configSet);
        Path copy = null;
        try (SolrZkClient zk = new SolrZkClient.Builder().withUrl(zkHost)
                .withTimeout(30, java.util.concurrent.TimeUnit.SECONDS).build()) {
            copy = Files.createTempDirectory("lookalike-configset-");
            SolrHome.copyTree(configSet, copy);
            withoutStreamingHandlers(copy);
            new ZkConfigSetService(zk).uploadConfig(name, copy.resolve("conf"));
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("--configset " + configSet + ": cannot upload it to " + zkHost + ": " + e, e);
        } finally {
            if (copy != null) {
                try {
                    SolrHome.deleteTree(copy);
                } catch (IOException e) {
                    System.err.println("solr-node: could not delete " + copy + ": " + e);
                }
            }
        }
        return name;
    }
}
