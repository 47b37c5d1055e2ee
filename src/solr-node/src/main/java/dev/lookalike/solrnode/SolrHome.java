package dev.lookalike.solrnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Solr home folder laid out as a user's installation has it: {@code solr.xml}, whose {@code sharedLib} is the
 * home's {@code lib/} folder, where a node-level plug-in's jars go; {@code configsets/} for standalone cores.
 *
 * <p>Laying out is cheap (a few small files); {@link #installPlugin} costs one pass over the zip. An existing
 * {@code solr.xml} is kept, so a home can be customised and reused.
 */
public final class SolrHome {

    /** The {@code solr.xml} written into a new home; properties in it come from the node's start. */
    static final String SOLR_XML = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!-- Written by lookalike-solr-node. sharedLib (lib/, relative to this home) holds node-level plug-ins:
                 their jars are loaded once, in a class loader shared by every core (Solr 10 loads <solr_home>/lib
                 even without this line). A SolrCloud node gets zkHost from the launcher, not from this file. -->
            <solr>
              <str name="sharedLib">lib</str>
              <solrcloud>
                <str name="host">127.0.0.1</str>
                <int name="hostPort">${hostPort:0}</int>
                <int name="zkClientTimeout">30000</int>
              </solrcloud>
              <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
                <int name="socketTimeout">600000</int>
                <int name="connTimeout">60000</int>
              </shardHandlerFactory>
            </solr>
            """;

    private final Path dir;

    private SolrHome(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates the folder, its {@code lib/} and {@code configsets/}, and {@code solr.xml} unless there is one.
     *
     * @param dir the home folder, created if missing
     * @return the home
     * @throws LaunchException if the folder cannot be written
     */
    public static SolrHome prepare(Path dir) throws LaunchException {
        Path home = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(home.resolve("lib"));
            Files.createDirectories(home.resolve("configsets"));
            Path solrXml = home.resolve("solr.xml");
            if (!Files.exists(solrXml)) {
                Files.writeString(solrXml, SOLR_XML, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot lay out the Solr home " + home + ": " + e, e);
        }
        return new SolrHome(home);
    }

    /** @return the home folder, absolute */
    public Path dir() {
        return dir;
    }

    /** @return the {@code sharedLib} folder, where plug-in jars go */
    public Path lib() {
        return dir.resolve("lib");
    }

    /**
     * Installs a plug-in as a user does: every {@code .jar} in the zip, wherever it lies in the zip, is written
     * into {@link #lib()} under its own file name, replacing a jar of that name. Other entries (a README, a
     * licence) are not installed.
     *
     * @param zip the plug-in zip
     * @return the names of the jars installed
     * @throws LaunchException if the zip is missing, unreadable, holds no jar or two jars of one name
     */
    public List<String> installPlugin(Path zip) throws LaunchException {
        if (!Files.isRegularFile(zip)) {
            throw new LaunchException("--plugin " + zip + ": no such file; expected the plug-in zip (build it first)");
        }
        List<String> installed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                // Only the file name is used, so an entry such as ../../x.jar cannot write outside lib/.
                String jar = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || !jar.endsWith(".jar")) {
                    continue;
                }
                if (!seen.add(jar)) {
                    throw new LaunchException("--plugin " + zip + ": two jars named " + jar);
                }
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, lib().resolve(jar), StandardCopyOption.REPLACE_EXISTING);
                }
                installed.add(jar);
            }
        } catch (IOException e) {
            throw new LaunchException("--plugin " + zip + ": cannot read it as a zip: " + e, e);
        }
        if (installed.isEmpty()) {
            throw new LaunchException("--plugin " + zip + ": the zip holds no .jar");
        }
        return installed;
    }

    /**
     * Copies a configset into {@code configsets/<name>}, replacing one of that name, so that cores of a
     * standalone node can be created from it with {@code configSet=<name>}.
     *
     * @param configSet a configset folder (its {@code conf/solrconfig.xml} is checked)
     * @return the configset's name: its folder's name
     * @throws LaunchException if the folder is not a configset or cannot be copied
     */
    public String addConfigSet(Path configSet) throws LaunchException {
        String name = ConfigSets.check(configSet);
        Path target = dir.resolve("configsets").resolve(name);
        try {
            deleteTree(target);
            copyTree(configSet, target);
            ConfigSets.withoutStreamingHandlers(target);
        } catch (IOException e) {
            throw new LaunchException("--configset " + configSet + ": cannot copy it into " + target + ": " + e, e);
        }
        return name;
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a folder and everything under it; nothing if it does not exist.
     *
     * @param target the folder
     * @throws IOException if something cannot be deleted
     */
    static void deleteTree(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return "SolrHome[" + dir + "]";
    }
}
