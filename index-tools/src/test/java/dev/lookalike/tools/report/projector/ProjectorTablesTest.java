package dev.lookalike.tools.report.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projector's tables keep one row per item and their columns, whatever the values hold. */
class ProjectorTablesTest {

    @Test
    void tabsAndLineBreaksInValuesBecomeSpacesAndMissingValuesEmpty(@TempDir Path dir) throws IOException {
        Path vectors = dir.resolve("v.tsv");
        Path metadata = dir.resolve("m.tsv");
        try (ProjectorTables tables = new ProjectorTables(vectors, metadata)) {
            tables.add(new ProjectorItem("a\tb", null, "shoe", "two\r\nlines\tand a tab", null,
                    new float[] {0.5f, -1e-7f, 1f / 3}));
        }
        assertEquals(List.of("id\tcategory\tproxy_category\ttitle", "a b\t\tshoe\ttwo  lines and a tab"),
                Files.readAllLines(metadata));
        String[] floats = Files.readAllLines(vectors).get(0).split("\t");
        assertEquals(3, floats.length);
        assertEquals(-1e-7f, Float.parseFloat(floats[1]));
        assertEquals(1f / 3, Float.parseFloat(floats[2]), "floats read back exactly");
    }
}
