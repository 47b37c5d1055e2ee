package dev.lookalike.search.catalogue;

import dev.lookalike.search.SearchInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class CatalogueReaderTest extends LuceneTestCase {

    private Path write(String... lines) throws IOException {
        Path dir = createTempDir("catalogue");
        Path file = dir.resolve("catalogue.jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static String problemOfLine(Catalogue catalogue, int line) {
        for (SearchInputException e : catalogue.errors()) {
            if (e.input().equals("catalogue catalogue.jsonl line " + line)) {
                return e.getMessage();
            }
        }
        throw new AssertionError("no error for line " + line + " in " + catalogue.errors());
    }

    @Test
    public void validLineBecomesAnItemWithItsImageInsideTheFolder() throws IOException {
        Path file = write("{\"id\": \"sku-1\", \"image\": \"img/../img/a.png\", \"category\": \"Sneaker\","
                + " \"title\": \"Red\", \"description\": \"Suede\", \"price\": 12.5, \"tags\": [\"x\"],"
                + " \"brand\": \"Acme\"}");
        Catalogue catalogue = new CatalogueReader(file).readAll();
        assertEquals(List.of(), catalogue.errors());
        CatalogueItem item = catalogue.items().get(0);
        assertEquals("sku-1", item.id());
        assertEquals(file.getParent().toAbsolutePath().normalize().resolve("img/a.png"), item.image());
        assertEquals(Path.of("img", "a.png").toString(), item.imageRelative());
        assertEquals("Sneaker", item.category());
        assertEquals("Red", item.title());
        assertEquals("Suede", item.description());
        assertEquals(Map.of("price", "12.5", "tags", "[\"x\"]", "brand", "Acme"), item.fields());
        assertEquals(1, item.line());
    }

    @Test
    public void eachBadLineIsReportedByNumberAndTheRestIsRead() throws IOException {
        Path file = write(
                "{\"id\": \"a\", \"image\": \"a.png\"}",
                "not json",
                "[1, 2]",
                "{\"image\": \"b.png\"}",
                "{\"id\": \"c\", \"image\": \"\"}",
                "{\"id\": \"a\", \"image\": \"other.png\"}",
                "{\"id\": \"d\", \"image\": \"../../etc/passwd\"}",
                "{\"id\": \"e\", \"image\": \"/etc/passwd\"}",
                "",
                "{\"id\": \"f\", \"image\": \"f.png\", \"title\": {\"nested\": 1}}",
                "{\"id\": \"g\", \"image\": \"sub/../../g.png\"}",
                "{\"id\": \"h\", \"image\": \"h.png\"}");
        Catalogue catalogue = new CatalogueReader(file).readAll();
        assertEquals(List.of("a", "h"), catalogue.items().stream().map(CatalogueItem::id).toList());
        assertEquals("a.png", catalogue.items().get(0).imageRelative());
        assertEquals(9, catalogue.errors().size());
        assertTrue(problemOfLine(catalogue, 2).contains("not valid JSON"));
        assertTrue(problemOfLine(catalogue, 3).contains("expected a JSON object"));
        assertTrue(problemOfLine(catalogue, 4).contains("field id is missing"));
        assertTrue(problemOfLine(catalogue, 5).contains("field image is missing or empty"));
        assertTrue(problemOfLine(catalogue, 6).contains("id 'a' repeats"));
        assertTrue(problemOfLine(catalogue, 7).contains("'../../etc/passwd' leaves the catalogue's folder"));
        assertTrue(problemOfLine(catalogue, 8).contains("'/etc/passwd' is absolute"));
        assertTrue(problemOfLine(catalogue, 10).contains("field title must be a string"));
        assertTrue(problemOfLine(catalogue, 11).contains("leaves the catalogue's folder"));
    }

    @Test
    public void aLineThatIsNotUtf8CostsThatLineOnly() throws IOException {
        Path file = createTempDir("catalogue").resolve("catalogue.jsonl");
        byte[] latin1 = "{\"id\": \"b\", \"image\": \"caf\u00e9.png\"}".getBytes(StandardCharsets.ISO_8859_1);
        try (var out = Files.newOutputStream(file)) {
            out.write("{\"id\": \"a\", \"image\": \"a.png\"}\r\n".getBytes(StandardCharsets.UTF_8));
            out.write(latin1);
            out.write("\r{\"id\": \"c\", \"image\": \"c.png\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Catalogue catalogue = new CatalogueReader(file).readAll();
        assertEquals(List.of("a", "c"), catalogue.items().stream().map(CatalogueItem::id).toList());
        assertEquals(3, catalogue.items().get(1).line());
        assertEquals(1, catalogue.errors().size());
        assertTrue(problemOfLine(catalogue, 2).contains("not UTF-8"));
    }

    @Test
    public void aMissingFileIsBadInputNamingIt() {
        Path missing = createTempDir("catalogue").resolve("nope.jsonl");
        SearchInputException e = expectThrows(SearchInputException.class, () -> new CatalogueReader(missing).readAll());
        assertTrue(e.getMessage(), e.getMessage().contains("nope.jsonl"));
    }
}
