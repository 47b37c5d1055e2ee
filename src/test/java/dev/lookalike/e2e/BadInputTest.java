package dev.lookalike.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the command line: a clear message naming the input, exit codes a script can trust. */
class BadInputTest {

    @TempDir
    Path tmp;

    @Test
    void batchSkipsBadFilesNamesThemAndEmbedsTheRest() throws Exception {
        Path shirts = Files.createDirectories(tmp.resolve("data/Shirt"));
        Path bags = Files.createDirectories(tmp.resolve("data/Bag"));
        writeProduct(shirts.resolve("a.png"), 40, 60);
        writeProduct(shirts.resolve("b.jpg"), 60, 40);
        writeProduct(bags.resolve("c.png"), 50, 50);
        Files.write(bags.resolve("empty.png"), new byte[0]);
        Files.writeString(bags.resolve("notes.png"), "this is not an image");
        byte[] png = Files.readAllBytes(shirts.resolve("a.png"));
        Files.write(bags.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Path tsv = tmp.resolve("out.tsv");

        LookalikeCli.Result r = LookalikeCli.run("embed", "--dataset", tmp.resolve("data").toString(), "--out", tsv.toString());

        assertEquals(1, r.exitCode(), "exit 1: done, but inputs were skipped\n" + r);
        for (String bad : List.of("empty.png", "notes.png", "truncated.png")) {
            assertTrue(r.stderr().contains(bad), bad + " is named\n" + r);
        }
        List<String> rows = Files.readAllLines(tsv);
        assertEquals(4, rows.size(), "a header and the three good images\n" + r);
        assertFalse(r.stderr().contains("a.png:"), "good files are not reported");
    }

    @Test
    void missingModelIsNamed() throws Exception {
        LookalikeCli.Result r = LookalikeCli.run("eval", "--model", tmp.resolve("no-such-model").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("no-such-model"), r::toString);
        assertTrue(r.stderr().contains("built-in"), r::toString);
    }

    @Test
    void damagedBundleIsRefused() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.writeString(bundle.resolve("spec.json"), "{\"format_version\": 99}");
        LookalikeCli.Result r = LookalikeCli.run("eval", "--model", bundle.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("format version 99"), r::toString);
    }

    @Test
    void missingDatasetFolderAndBadOptionsAreNamed() throws Exception {
        LookalikeCli.Result noDir = LookalikeCli.run("embed", "--dataset", tmp.resolve("nowhere").toString(),
                "--out", tmp.resolve("x.tsv").toString());
        assertEquals(2, noDir.exitCode(), noDir::toString);
        assertTrue(noDir.stderr().contains("nowhere"), noDir::toString);

        LookalikeCli.Result badClass = LookalikeCli.run("eval", "--classes", "12");
        assertEquals(2, badClass.exitCode(), badClass::toString);
        assertTrue(badClass.stderr().contains("12"), badClass::toString);

        LookalikeCli.Result badSplit = LookalikeCli.run("eval", "--split", "dev");
        assertEquals(2, badSplit.exitCode(), badSplit::toString);
        assertTrue(badSplit.stderr().contains("dev") && badSplit.stderr().contains("validation"), badSplit::toString);

        LookalikeCli.Result unknownOption = LookalikeCli.run("eval", "--frobnicate");
        assertEquals(2, unknownOption.exitCode(), unknownOption::toString);
        assertTrue(unknownOption.stderr().contains("--frobnicate"), unknownOption::toString);
    }

    static void writeProduct(Path file, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 160);
        g.setColor(new Color(40, 60, 120));
        g.fillRect(30, 20, w, h);
        g.dispose();
        String format = file.toString().endsWith(".jpg") ? "jpeg" : "png";
        ImageIO.write(img, format, file.toFile());
    }
}
