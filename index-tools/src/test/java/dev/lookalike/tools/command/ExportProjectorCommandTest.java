package dev.lookalike.tools.command;

import static dev.lookalike.tools.CliFixtures.ITEMS;
import static dev.lookalike.tools.CliFixtures.assertBad;
import static dev.lookalike.tools.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.query.StoredVectors;
import dev.lookalike.tools.CliFixtures;
import dev.lookalike.tools.report.projector.ProjectorConfig;
import dev.lookalike.tools.report.projector.ProjectorExport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookalike export-projector} on the 40-item index of four shapes: what it writes is checked against
 * the index read through the core and against the catalogue's own image files.
 */
class ExportProjectorCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WHITE = 0xFFFFFFFF;

    @TempDir
    static Path shared;

    static CliFixtures.IndexedShapes fixture;
    static Path catalogue;
    static Path index;

    @BeforeAll
    static void buildCatalogueAndIndex() throws IOException {
        fixture = CliFixtures.indexedShapes(shared);
        catalogue = fixture.catalogue();
        index = fixture.index();
    }

    private static CliFixtures.Run export(Path from, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export-projector", "--index", from.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** The metadata rows after the header, each split into its columns. */
    private static List<String[]> metadataRows(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(ProjectorExport.METADATA_FILE), StandardCharsets.UTF_8);
        assertEquals("id\tcategory\tproxy_category\ttitle", lines.get(0), "the header row");
        return lines.stream().skip(1).map(l -> l.split("\t", -1)).toList();
    }

    private static List<String> ids(Path out) throws IOException {
        return metadataRows(out).stream().map(r -> r[0]).toList();
    }

    private static List<float[]> vectorRows(Path out) throws IOException {
        List<float[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(ProjectorExport.VECTORS_FILE), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", -1);
            float[] v = new float[cells.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(cells[i]);
            }
            rows.add(v);
        }
        return rows;
    }

    @Test
    void vectorRowsAreTheIndexsStoredVectorsAndMetadataRowsNameTheSameItemsInTheSameOrder(@TempDir Path out)
            throws IOException {
        CliFixtures.Run exported = export(index, out);
        assertEquals(0, exported.code(), exported.err());
        List<float[]> vectors = vectorRows(out);
        List<String[]> metadata = metadataRows(out);
        assertEquals(ITEMS, vectors.size());
        assertEquals(ITEMS, metadata.size(), "one metadata row per vector row");
        assertEquals(ITEMS, new HashSet<>(ids(out)).size(), "every item once");
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int row = 0; row < ITEMS; row++) {
                String[] cells = metadata.get(row);
                assertEquals(4, cells.length, "four columns in row " + row);
                assertArrayEquals(StoredVectors.vectorOf(searcher, cells[0]), vectors.get(row),
                        "row " + row + " is the stored vector of " + cells[0]);
                ScoreDoc[] hit = searcher.search(KeywordField.newExactQuery(IndexSchema.ID, cells[0]), 1).scoreDocs;
                Document stored = searcher.storedFields().document(hit[0].doc);
                assertEquals(stored.get(IndexSchema.CATEGORY), cells[1]);
                assertEquals(stored.get(IndexSchema.PROXY_CATEGORY), cells[2]);
                assertTrue(CliFixtures.SHAPES.contains(cells[2]), "the index stores a proxy category: " + cells[2]);
                assertEquals(stored.get(IndexSchema.TITLE), cells[3]);
            }
        }
        assertTrue(exported.out().contains("exported 40 items of 16 dimensions"), exported.out());
        assertTrue(exported.out().contains(out.resolve("sprite.png").toString()), exported.out());
        assertFalse(exported.out().contains("sampled"), "all items fit the default limit: " + exported.out());
    }

    @Test
    void spriteTilesAreTheItemsImagesRowByRowInARoundedUpSquareGrid(@TempDir Path out) throws IOException {
        assertEquals(0, export(index, out).code());
        BufferedImage sprite = ImageIO.read(out.resolve(ProjectorExport.SPRITE_FILE).toFile());
        assertEquals(7 * 28, sprite.getWidth(), "40 items need a 7 x 7 grid of 28 px tiles");
        assertEquals(7 * 28, sprite.getHeight());
        List<String> ids = ids(out);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        for (int row = 0; row < ids.size(); row++) {
            BufferedImage image = decoder.decode(imageOf(ids.get(row)));
            assertArrayEquals(image.getRGB(0, 0, 28, 28, null, 0, 28), tile(sprite, row, 7, 28),
                    "tile " + row + " is the image of " + ids.get(row));
        }
        for (int empty = ids.size(); empty < 49; empty++) {
            for (int pixel : tile(sprite, empty, 7, 28)) {
                assertEquals(WHITE, pixel, "tile " + empty + " past the last item stays white");
            }
        }

        Path small = out.resolve("small");
        assertEquals(0, export(index, small, "--thumbnail", "14").code());
        BufferedImage smaller = ImageIO.read(small.resolve(ProjectorExport.SPRITE_FILE).toFile());
        assertEquals(7 * 14, smaller.getWidth());
        for (int row = 0; row < ids.size(); row++) {
            BufferedImage image = decoder.decode(imageOf(ids.get(row)));
            assertEquals(meanGrey(image.getRGB(0, 0, 28, 28, null, 0, 28)), meanGrey(tile(smaller, row, 7, 14)), 6,
                    "a 14 px tile " + row + " keeps the brightness of " + ids.get(row));
        }
    }

    private static Path imageOf(String id) {
        return catalogue.getParent().resolve("images").resolve(id + ".png");
    }

    private static int[] tile(BufferedImage sprite, int position, int perRow, int size) {
        return sprite.getRGB(position % perRow * size, position / perRow * size, size, size, null, 0, size);
    }

    private static double meanGrey(int[] rgb) {
        double sum = 0;
        for (int p : rgb) {
            sum += ((p >> 16 & 0xFF) + (p >> 8 & 0xFF) + (p & 0xFF)) / 3.0;
        }
        return sum / rgb.length;
    }

    @Test
    void bothConfigsNameTheFilesTheShapeAndTheTileSize(@TempDir Path out) throws IOException {
        assertEquals(0, export(index, out).code());
        JsonNode embedding = JSON.readTree(out.resolve(ProjectorConfig.JSON_FILE).toFile()).get("embeddings").get(0);
        assertEquals("idx", embedding.get("tensorName").asText());
        assertEquals("[40,16]", embedding.get("tensorShape").toString());
        assertEquals("vectors.tsv", embedding.get("tensorPath").asText());
        assertEquals("metadata.tsv", embedding.get("metadataPath").asText());
        assertEquals("sprite.png", embedding.get("sprite").get("imagePath").asText());
        assertEquals("[28,28]", embedding.get("sprite").get("singleImageDim").toString());
        for (String file : List.of("tensorPath", "metadataPath")) {
            assertTrue(Files.isRegularFile(out.resolve(embedding.get(file).asText())), file + " lies in the export folder");
        }
        String pbtxt = Files.readString(out.resolve(ProjectorConfig.PBTXT_FILE));
        assertEquals("""
                embeddings {
                  tensor_name: "idx"
                  tensor_shape: 40
                  tensor_shape: 16
                  tensor_path: "vectors.tsv"
                  metadata_path: "metadata.tsv"
                  sprite {
                    image_path: "sprite.png"
                    single_image_dim: 28
                    single_image_dim: 28
                  }
                }
                """, pbtxt);
    }

    @Test
    void limitExportsASeededSampleOfThatManyItemsInIndexOrder(@TempDir Path out) throws IOException {
        assertEquals(0, export(index, out.resolve("all")).code());
        List<String> all = ids(out.resolve("all"));
        CliFixtures.Run sampled = export(index, out.resolve("a"), "--limit", "10", "--sample-seed", "3");
        assertEquals(0, sampled.code(), sampled.err());
        assertTrue(sampled.out().contains("sampled 10 of 40 items"), sampled.out());
        List<String> a = ids(out.resolve("a"));
        assertEquals(10, a.size());
        assertEquals(10, vectorRows(out.resolve("a")).size());
        assertEquals(10, new HashSet<>(a).size(), "no item twice");
        assertEquals(all.stream().filter(a::contains).toList(), a, "the sample keeps the index order");
        assertEquals(4 * 28, ImageIO.read(out.resolve("a").resolve(ProjectorExport.SPRITE_FILE).toFile()).getWidth(),
                "10 items need a 4 x 4 grid");
        assertEquals("[10,16]", JSON.readTree(out.resolve("a").resolve(ProjectorConfig.JSON_FILE).toFile())
                .get("embeddings").get(0).get("tensorShape").toString());

        assertEquals(0, export(index, out.resolve("b"), "--limit", "10", "--sample-seed", "3").code());
        assertEquals(a, ids(out.resolve("b")), "the same seed draws the same sample");
        assertEquals(0, export(index, out.resolve("c"), "--limit", "10", "--sample-seed", "4").code());
        assertNotEquals(a, ids(out.resolve("c")), "another seed draws another sample");
    }

    @Test
    void unreadableImagesGetBlankTilesAndAWarningAndWithNoneReadableThereIsNoSprite(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("cat");
        try (Stream<Path> files = Files.walk(catalogue.getParent())) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(catalogue.getParent().relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path idx = dir.resolve("idx");
        assertEquals(0, fixture.index(copy.resolve(CatalogueCommand.CATALOGUE_FILE), idx).code());
        List<String> gone = List.of("item-00003", "item-00017", "item-00029");
        for (String id : gone) {
            Files.delete(copy.resolve("images").resolve(id + ".png"));
        }
        Path out = dir.resolve("out");
        CliFixtures.Run exported = export(idx, out);
        assertEquals(0, exported.code(), "missing images are a warning: " + exported.err());
        assertTrue(exported.err().contains("3 of 40 item images could not be read"), exported.err());
        BufferedImage sprite = ImageIO.read(out.resolve(ProjectorExport.SPRITE_FILE).toFile());
        List<String> ids = ids(out);
        Map<String, Boolean> blank = new HashMap<>();
        for (int row = 0; row < ids.size(); row++) {
            blank.put(ids.get(row), java.util.Arrays.stream(tile(sprite, row, 7, 28)).allMatch(p -> p == WHITE));
        }
        for (String id : ids) {
            assertEquals(gone.contains(id), blank.get(id), "the tile of " + id + " is blank exactly when its image is gone");
        }

        try (Stream<Path> images = Files.list(copy.resolve("images"))) {
            for (Path image : images.toList()) {
                Files.delete(image);
            }
        }
        CliFixtures.Run none = export(idx, out);
        assertEquals(0, none.code(), none.err());
        assertTrue(none.err().contains("no sprite"), none.err());
        assertFalse(Files.exists(out.resolve(ProjectorExport.SPRITE_FILE)), "the earlier sprite is removed");
        assertNull(JSON.readTree(out.resolve(ProjectorConfig.JSON_FILE).toFile()).get("embeddings").get(0).get("sprite"));
        assertFalse(Files.readString(out.resolve(ProjectorConfig.PBTXT_FILE)).contains("sprite"));
        assertEquals(ITEMS, vectorRows(out).size(), "the tables are written all the same");
    }

    @Test
    void noSpriteWritesTheTablesAndConfigsAlone(@TempDir Path out) throws IOException {
        CliFixtures.Run exported = export(index, out, "--no-sprite");
        assertEquals(0, exported.code(), exported.err());
        assertFalse(Files.exists(out.resolve(ProjectorExport.SPRITE_FILE)));
        assertEquals(ITEMS, vectorRows(out).size());
        assertNull(JSON.readTree(out.resolve(ProjectorConfig.JSON_FILE).toFile()).get("embeddings").get(0).get("sprite"));
        assertTrue(exported.err().isEmpty(), "no warning when no sprite was asked for: " + exported.err());
    }

    @Test
    void badInputExitsTwoNamingTheOption(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertBad(export(dir.resolve("no-index"), out), "no-index");
        assertBad(export(Files.createDirectories(dir.resolve("empty")), out), "--index");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertBad(export(index, file), "--out");
        assertBad(export(index, index), "--out");
        assertBad(export(index, out, "--limit", "0"), "--limit");
        assertBad(export(index, out, "--thumbnail", "7"), "--thumbnail");
        assertBad(export(index, out, "--thumbnail", "257"), "--thumbnail");
        assertBad(export(index, out, "--limit", "x"), "--limit");
        assertFalse(Files.exists(out), "nothing is written on bad input");
    }
}
