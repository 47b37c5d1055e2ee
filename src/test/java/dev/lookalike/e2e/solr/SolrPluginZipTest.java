package dev.lookalike.e2e.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The Solr plug-in zip as a user unpacks it: its {@code lib/} carries the plug-in, the analyzer, the core, DJL and
 * the PyTorch native library, and none of the jars a Solr 10 node already has on its class path (the launcher's
 * node has Solr 10.0.0's own dependency list), so no second copy of Lucene, Jackson or SLF4J fights Solr's; and
 * nothing of the launcher's stand-in for the streaming module.
 */
class SolrPluginZipTest {

    private static final Set<String> STAND_INS = Set.of("org/apache/solr/client/solrj/io/SolrClientCache.class",
            "org/apache/solr/client/solrj/io/stream/expr/Expressible.class");

    /** {@code jackson-core-2.20.1.jar} → {@code jackson-core}: the name up to the version (and its classifier). */
    private static String artifact(String jarName) {
        return jarName.replaceAll("\\.jar$", "").replaceFirst("-\\d.*$", "");
    }

    private static List<String> zipJars(ZipFile zip) {
        return zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
                .map(n -> n.substring("lib/".length())).toList();
    }

    @Test
    void libCarriesTheModelAndLibtorchAndNothingSolrShips() throws IOException {
        Path nodeLib = Path.of(System.getProperty("lookalike.solr.node.lib"));
        Set<String> solrShips;
        try (Stream<Path> jars = Files.list(nodeLib)) {
            solrShips = jars.map(p -> artifact(p.getFileName().toString()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(solrShips.contains("lucene-core") && solrShips.contains("jackson-databind"), solrShips::toString);
        try (ZipFile zip = new ZipFile(SolrPluginTest.pluginZip().toFile())) {
            List<String> jars = zipJars(zip);
            Set<String> shipped = jars.stream().map(SolrPluginZipTest::artifact)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String needed : List.of("lookalike-solr", "lookalike-analyzer", "lookalike-search-core", "api",
                    "pytorch-engine", "pytorch-jni", "pytorch-native-cpu")) {
                assertTrue(shipped.stream().anyMatch(a -> a.equals(needed) || a.startsWith(needed + "-")),
                        needed + " is in the zip: " + shipped);
            }
            Set<String> twice = new TreeSet<>(shipped);
            twice.retainAll(solrShips);
            assertEquals(Set.of(), twice, "jars Solr already ships must stay out of the zip");
            assertEquals(jars.size(), shipped.size(), "one version of each jar: " + jars);
            List<String> standIns = new ArrayList<>();
            for (String jar : jars) {
                try (InputStream in = zip.getInputStream(zip.getEntry("lib/" + jar));
                        JarInputStream entries = new JarInputStream(in)) {
                    for (var e = entries.getNextJarEntry(); e != null; e = entries.getNextJarEntry()) {
                        if (STAND_INS.contains(e.getName())) {
                            standIns.add(jar + "!" + e.getName());
                        }
                    }
                }
            }
            assertEquals(List.of(), standIns, "the launcher's streaming stand-in never ships");
            assertTrue(zip.stream().anyMatch(e -> e.getName().equals("configset/lookalike/conf/solrconfig.xml")),
                    "the example configset ships");
        }
    }
}
