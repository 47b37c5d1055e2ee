package dev.lookalike.solrnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolrHomeTest {

    @TempDir
    Path tmp;

    @Test
    void newHomeHasSolrXmlWhoseSharedLibIsItsLibFolder() throws Exception {
        SolrHome home = SolrHome.prepare(tmp.resolve("home"));
        assertTrue(Files.isDirectory(home.lib()));
        assertTrue(Files.isDirectory(home.dir().resolve("configsets")));
        String solrXml = Files.readString(home.dir().resolve("solr.xml"));
        assertTrue(solrXml.contains("<str name=\"sharedLib\">lib</str>"), solrXml);
    }

    @Test
    void existingSolrXmlIsKept() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(dir.resolve("solr.xml"), "<solr/>");
        SolrHome.prepare(dir);
        assertEquals("<solr/>", Files.readString(dir.resolve("solr.xml")));
    }

    @Test
    void pluginJarsAreInstalledFlatIntoLibAndOtherEntriesAreNot() throws Exception {
        Path zip = zip(Map.of("lookalike-solr/lib/a.jar", "A", "lookalike-solr/b.jar", "B",
                "lookalike-solr/README.md", "read me", "../../escape.jar", "E"));
        SolrHome home = SolrHome.prepare(tmp.resolve("home"));
        List<String> installed = home.installPlugin(zip);
        assertEquals(List.of("a.jar", "b.jar", "escape.jar"), installed.stream().sorted().toList());
        assertEquals("A", Files.readString(home.lib().resolve("a.jar")));
        assertFalse(Files.exists(home.lib().resolve("README.md")));
        // An entry naming a parent folder lands in lib/ by its file name, never outside.
        assertFalse(Files.exists(tmp.resolve("escape.jar")));
        assertTrue(Files.exists(home.lib().resolve("escape.jar")));
    }

    @Test
    void pluginZipWithoutJarsOrWithTwoJarsOfOneNameIsRefused() throws Exception {
        SolrHome home = SolrHome.prepare(tmp.resolve("home"));
        LaunchException none = assertThrows(LaunchException.class,
                () -> home.installPlugin(zip(Map.of("README.md", "x"))));
        assertTrue(none.getMessage().contains("no .jar"), none.getMessage());
        LaunchException twice = assertThrows(LaunchException.class,
                () -> home.installPlugin(zip(Map.of("one/x.jar", "1", "two/x.jar", "2"))));
        assertTrue(twice.getMessage().contains("two jars named x.jar"), twice.getMessage());
        LaunchException missing = assertThrows(LaunchException.class,
                () -> home.installPlugin(tmp.resolve("missing.zip")));
        assertTrue(missing.getMessage().startsWith("--plugin "), missing.getMessage());
    }

    @Test
    void configSetIsCopiedUnderItsFolderNameAndAFolderWithoutSolrconfigIsRefused() throws Exception {
        Path configSet = Files.createDirectories(tmp.resolve("vectors/conf"));
        Files.writeString(configSet.resolve("solrconfig.xml"), "<config/>");
        SolrHome home = SolrHome.prepare(tmp.resolve("home"));
        assertEquals("vectors", home.addConfigSet(tmp.resolve("vectors")));
        assertTrue(Files.isRegularFile(home.dir().resolve("configsets/vectors/conf/solrconfig.xml")));
        Path notOne = Files.createDirectories(tmp.resolve("empty"));
        LaunchException refused = assertThrows(LaunchException.class, () -> home.addConfigSet(notOne));
        assertTrue(refused.getMessage().contains("conf/solrconfig.xml"), refused.getMessage());
    }

    @Test
    void installedConfigSetMapsTheStreamingHandlersItLacksAndTheOriginalStaysAsItWas() throws Exception {
        Path conf = Files.createDirectories(tmp.resolve("items/conf"));
        String original = "<config>\n  <requestHandler name=\"/export\" class=\"solr.ExportHandler\"/>\n</config>\n";
        Files.writeString(conf.resolve("solrconfig.xml"), original);
        SolrHome home = SolrHome.prepare(tmp.resolve("home"));
        home.addConfigSet(tmp.resolve("items"));
        String installed = Files.readString(home.dir().resolve("configsets/items/conf/solrconfig.xml"));
        assertTrue(installed.contains("<requestHandler name=\"/stream\" class=\"solr.SearchHandler\"/>"), installed);
        assertTrue(installed.contains("<requestHandler name=\"/graph\" class=\"solr.SearchHandler\"/>"), installed);
        assertTrue(installed.contains("solr.ExportHandler"), "a handler the configset defines is its own");
        assertFalse(installed.contains("name=\"/export\" class=\"solr.SearchHandler\""), installed);
        assertTrue(installed.indexOf("/stream") < installed.lastIndexOf("</config>"), installed);
        assertEquals(original, Files.readString(conf.resolve("solrconfig.xml")));
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = Files.createTempFile(tmp, "plugin-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
