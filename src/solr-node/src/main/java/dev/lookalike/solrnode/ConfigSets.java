package dev.lookalike.solrnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.ZkConfigSetService;
import org.apache.solr.cloud.ZkController;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.KeeperException;

/** Configset folders ({@code <name>/conf/solrconfig.xml}) and their upload to a SolrCloud's ZooKeeper. */
final class ConfigSets {

    private ConfigSets() {
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
        try (SolrZkClient zk = new SolrZkClient.Builder().withUrl(zkHost)
                .withTimeout(30, java.util.concurrent.TimeUnit.SECONDS).build()) {
            new ZkConfigSetService(zk).uploadConfig(name, configSet.resolve("conf"));
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("--configset " + configSet + ": cannot upload it to " + zkHost + ": " + e, e);
        }
        return name;
    }
}
