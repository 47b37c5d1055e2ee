package dev.lookalike.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lookalike.analyzer.model.DjlRuntime;
import dev.lookalike.analyzer.model.EmbeddingNetwork;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ModelSpec;
import dev.lookalike.analyzer.model.NetworkSpec;
import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.analyzer.preprocess.InputSpec;
import dev.lookalike.tools.command.CatalogueCommand;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine;

/**
 * Test inputs for the command line: a folder dataset of simple shapes, a tiny randomly initialised model
 * bundle (the built-in model may not be on the class path), and in-process runs of {@code lookalike}.
 */
public final class CliFixtures {

    /** The shape categories, {@value #PER_SHAPE} images each. */
    public static final List<String> SHAPES = List.of("circle", "cross", "square", "stripe");
    public static final int PER_SHAPE = 10;
    public static final int ITEMS = SHAPES.size() * PER_SHAPE;
    public static final NetworkSpec TINY = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(8)), 16, 0f);

    private CliFixtures() {
    }

    /** The outcome of one in-process run. */
    public record Run(int code, String out, String err) {
        public List<String> outLines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /**
     * A catalogue of {@link #shapes} written by {@code lookalike catalogue}, a {@link #tinyBundle} and an index
     * of the catalogue embedded with it.
     *
     * @param catalogue the catalogue file
     * @param model     the bundle folder
     * @param index     the index folder
     */
    public record IndexedShapes(Path catalogue, Path model, Path index) {

        /** Runs {@code lookalike index} on a catalogue with this model, in batches of 16, with more arguments. */
        public Run index(Path catalogueFile, Path indexDir, String... more) {
            List<String> args = new ArrayList<>(List.of("index", "--catalogue", catalogueFile.toString(),
                    "--index", indexDir.toString(), "--model", model.toString(), "--batch-size", "16"));
            args.addAll(List.of(more));
            return run(args.toArray(String[]::new));
        }
    }

    /** Builds the shapes, their catalogue, the tiny model and the index under {@code root}. */
    public static IndexedShapes indexedShapes(Path root) throws IOException {
        Path shapes = shapes(root.resolve("shapes"));
        Path model = tinyBundle(root.resolve("model"));
        Run made = run("catalogue", "--dataset", shapes.toString(), "--out", root.resolve("cat").toString());
        assertEquals(0, made.code(), made.err());
        IndexedShapes built = new IndexedShapes(root.resolve("cat").resolve(CatalogueCommand.CATALOGUE_FILE), model,
                root.resolve("idx"));
        Run indexed = built.index(built.catalogue(), built.index());
        assertEquals(0, indexed.code(), indexed.err());
        return built;
    }

    /** Asserts that a run exited for bad input with a message that names {@code named}. */
    public static void assertBad(Run run, String named) {
        assertEquals(LookalikeCommand.EXIT_BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().contains(named), "message names " + named + ": " + run.err());
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LookalikeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Writes {@code root/<shape>/<n>.png}: 28x28 light shapes on black, each at its own place and size, with specks. */
    public static Path shapes(Path root) throws IOException {
        Random random = new Random(42);
        for (String shape : SHAPES) {
            Path dir = Files.createDirectories(root.resolve(shape));
            for (int n = 0; n < PER_SHAPE; n++) {
                ImageIO.write(draw(shape, random), "png", dir.resolve(n + ".png").toFile());
            }
        }
        return root;
    }

    private static BufferedImage draw(String shape, Random random) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 28, 28);
        g.setColor(new Color(255 - random.nextInt(60), 255 - random.nextInt(60), 255 - random.nextInt(60)));
        int x = 4 + random.nextInt(5);
        int y = 4 + random.nextInt(5);
        int s = 12 + random.nextInt(6);
        switch (shape) {
            case "circle" -> g.fillOval(x, y, s, s);
            case "square" -> g.fillRect(x, y, s, s);
            case "cross" -> {
                g.fillRect(x + s / 2 - 2, y, 4, s);
                g.fillRect(x, y + s / 2 - 2, s, 4);
            }
            default -> g.fillRect(x, y, s, 3 + random.nextInt(3));
        }
        // A few dark specks inside the shape, so that no two images are alike once fitted to the frame.
        g.setColor(Color.BLACK);
        for (int i = 0; i < 4; i++) {
            g.fillRect(x + random.nextInt(s), y + random.nextInt(s), 2, 2);
        }
        g.dispose();
        return image;
    }

    /** Saves a tiny bundle named {@code tiny} (16-d, one random proxy per shape) into {@code dir}. */
    public static Path tinyBundle(Path dir) throws IOException {
        return tinyBundle(dir, 7);
    }

    /**
     * @param dir         where to write the bundle
     * @param proxiesSeed seeds the proxies: another seed makes another version of the same-named model
     * @return {@code dir}
     */
    public static Path tinyBundle(Path dir, long proxiesSeed) throws IOException {
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, "tiny", TINY, InputSpec.fashionMnist(), SHAPES, 0.1f,
                false, 0f, null, null, null, null, null);
        ModelBundle.of(spec, randomParameters(), randomProxies(proxiesSeed)).save(dir);
        return dir;
    }

    private static byte[] randomParameters() throws IOException {
        DjlRuntime.configure();
        try (Model model = Model.newInstance("tiny", Device.cpu(), "PyTorch")) {
            Block block = EmbeddingNetwork.build(TINY);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        }
    }

    private static Proxies randomProxies(long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[SHAPES.size()][TINY.embeddingSize()];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            VectorMath.normalize(v);
        }
        return new Proxies(SHAPES, vectors);
    }

    /** @return the number of live documents in the index at {@code path} */
    public static int liveItems(Path path) throws IOException {
        try (Directory dir = FSDirectory.open(path); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }

    /** @return a vector of {@code dimension} ones, as {@code --vector} takes it */
    public static String ones(int dimension) {
        String[] parts = new String[dimension];
        Arrays.fill(parts, "1");
        return String.join(",", parts);
    }
}
