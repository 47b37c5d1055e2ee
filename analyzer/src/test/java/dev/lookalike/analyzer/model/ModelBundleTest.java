package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.preprocess.InputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A bundle whose parameter bytes are arbitrary: loading verifies files, it does not run the network. */
    private static ModelBundle bundle() {
        byte[] params = new byte[1000];
        new Random(5).nextBytes(params);
        TrainingProvenance provenance = new TrainingProvenance("fashion-mnist", "train", List.of(0, 1, 2), 180, 3,
                30, 1e-3f, 1e-2f, 0.1f, 1e-4f, 0f, 0.5f, 0.5f, List.of("rotation", "blur"), 42, "2025-01-01T00:00:00Z", 12.5, null, null);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, "tiny", TinyBundles.TINY, InputSpec.fashionMnist(),
                TinyBundles.CLASSES, 0.1f, false, 0f, null, null, null, provenance, null);
        return ModelBundle.of(spec, params, TinyBundles.randomProxies(16, 9));
    }

    private AnalyzerInputException loadFails() {
        return assertThrows(AnalyzerInputException.class, () -> ModelBundle.load(dir));
    }

    private static void assertNames(AnalyzerInputException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "\"" + e.getMessage() + "\" should name " + part);
        }
    }

    private void editSpec(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(dir.resolve(ModelBundle.SPEC_FILE).toFile());
        edit.accept(spec);
        JSON.writeValue(dir.resolve(ModelBundle.SPEC_FILE).toFile(), spec);
    }

    @Test
    void saveThenLoadKeepsSpecParametersAndProxies() throws IOException {
        ModelBundle saved = bundle();
        saved.save(dir);
        ModelBundle loaded = ModelBundle.load(dir);
        assertEquals(saved.spec(), loaded.spec());
        assertArrayEquals(saved.parameters(), loaded.parameters());
        assertEquals(saved.proxies().classes(), loaded.proxies().classes());
        assertArrayEquals(saved.proxies().vectors(), loaded.proxies().vectors());
        assertEquals(ModelBundle.load(dir.toString()).spec(), saved.spec(), "a path string loads the directory too");
    }

    @Test
    void ofRecordsSizeAndChecksumOfEachFile() {
        ModelBundle b = bundle();
        assertEquals(ModelSpec.FORMAT_VERSION, b.spec().formatVersion());
        assertEquals("model.params", b.spec().parameters().file());
        assertEquals(1000, b.spec().parameters().bytes());
        assertTrue(b.spec().parameters().sha256().matches("[0-9a-f]{64}"));
        assertEquals("proxies.json", b.spec().proxies().file());
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws IOException {
        bundle().save(dir);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("model.params", "proxies.json", "spec.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void savedFilesAreReadableByOthers() throws IOException {
        bundle().save(dir);
        for (String file : List.of("model.params", "proxies.json", "spec.json")) {
            assertTrue(Files.getPosixFilePermissions(dir.resolve(file)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                    file + " is readable by a search node's own user");
        }
    }

    @Test
    void directoryWithoutSpecIsNotABundle() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "hello");
        assertNames(loadFails(), dir.toString(), "spec.json");
    }

    @Test
    void missingParameterFileIsNamed() throws IOException {
        bundle().save(dir);
        Files.delete(dir.resolve("model.params"));
        assertNames(loadFails(), dir.toString(), "missing model.params");
    }

    @Test
    void truncatedParametersAreCaughtBySize() throws IOException {
        bundle().save(dir);
        byte[] params = Files.readAllBytes(dir.resolve("model.params"));
        Files.write(dir.resolve("model.params"), Arrays.copyOf(params, 600));
        assertNames(loadFails(), dir.toString(), "model.params", "600 bytes", "1000", "truncated");
    }

    @Test
    void alteredParametersOfTheSameSizeAreCaughtByChecksum() throws IOException {
        bundle().save(dir);
        byte[] params = Files.readAllBytes(dir.resolve("model.params"));
        params[500] ^= 1;
        Files.write(dir.resolve("model.params"), params);
        assertNames(loadFails(), dir.toString(), "model.params", "SHA-256");
    }

    @Test
    void alteredProxiesAreCaughtByChecksum() throws IOException {
        bundle().save(dir);
        String proxies = Files.readString(dir.resolve("proxies.json"));
        Files.writeString(dir.resolve("proxies.json"), proxies.replaceFirst("\"bar\"", "\"baz\""));
        assertNames(loadFails(), dir.toString(), "proxies.json", "SHA-256");
    }

    @Test
    void otherFormatVersionIsRefused() throws IOException {
        bundle().save(dir);
        editSpec(spec -> spec.put("format_version", 2));
        assertNames(loadFails(), dir.toString(), "spec.json", "version 2", "reads version 1");
    }

    @Test
    void specThatIsNotJsonIsRefused() throws IOException {
        bundle().save(dir);
        Files.writeString(dir.resolve(ModelBundle.SPEC_FILE), "{ not json");
        assertNames(loadFails(), dir.toString(), "spec.json is unreadable");
    }

    @Test
    void specNamingAFileOutsideTheBundleIsRefused() throws IOException {
        bundle().save(dir);
        editSpec(spec -> ((ObjectNode) spec.get("proxies")).put("file", "../proxies.json"));
        assertNames(loadFails(), dir.toString(), "spec.json", "'../proxies.json'", "plain names");
    }

    @Test
    void errorsInTheSpecsNumbersAndInTheProxiesNameTheirFile() throws IOException {
        bundle().save(dir);
        editSpec(spec -> spec.put("temperature", 0));
        assertNames(loadFails(), dir.toString(), "spec.json", "\"temperature\" 0.0");
    }

    @Test
    void specWithAnInvalidInputIsRefused() throws IOException {
        bundle().save(dir);
        editSpec(spec -> ((ObjectNode) spec.get("input")).put("std", 0));
        assertNames(loadFails(), dir.toString(), "std");
    }

    @Test
    void specAskingForTwoChannelsOrAnEmptyInputIsRefusedNamingTheField() throws IOException {
        bundle().save(dir);
        editSpec(spec -> ((ObjectNode) spec.get("input")).put("channels", 2));
        assertNames(loadFails(), dir.toString(), "spec.json", "\"input\"", "\"channels\"", "got 2");
        bundle().save(dir);
        editSpec(spec -> ((ObjectNode) spec.get("input")).put("width", 0).put("height", 0));
        assertNames(loadFails(), dir.toString(), "spec.json", "\"input\"", "0x0");
    }

    @Test
    void specWithoutRequiredPartsIsRefused() throws IOException {
        for (String field : List.of("network", "input", "classes", "parameters", "proxies", "name")) {
            bundle().save(dir);
            editSpec(spec -> spec.remove(field));
            AnalyzerInputException e = loadFails();
            assertNames(e, dir.toString(), field);
        }
    }

    @Test
    void proxyAnchorIsSavedWithTheSpecAndAbsentMeansNone() throws IOException {
        bundle().withProxyAnchor(0.5f).save(dir);
        assertEquals(0.5f, ModelBundle.load(dir).spec().proxyAnchor());
        editSpec(spec -> spec.remove("proxy_anchor"));
        assertEquals(0f, ModelBundle.load(dir).spec().proxyAnchor(), "bundles that predate anchoring have none");
    }

    @Test
    void proxyAnchorOutOfRangeIsRefusedNamingIt() throws IOException {
        for (double bad : List.of(1.0, 1.5, -0.2)) {
            bundle().save(dir);
            editSpec(spec -> spec.put("proxy_anchor", bad));
            assertNames(loadFails(), dir.toString(), "proxy_anchor", String.valueOf((float) bad));
        }
        assertThrows(IllegalArgumentException.class, () -> bundle().withProxyAnchor(1f));
    }

    @Test
    void rerankWeightIsOptionalAndOutOfRangeIsRefusedNamingIt() throws IOException {
        bundle().save(dir);
        editSpec(spec -> spec.put("rerank_weight", 0.01));
        assertEquals(0.01f, ModelBundle.load(dir).spec().rerankWeight());
        editSpec(spec -> spec.remove("rerank_weight"));
        assertEquals(null, ModelBundle.load(dir).spec().rerankWeight(), "none: the search default");
        editSpec(spec -> spec.put("rerank_weight", 1.5));
        assertNames(loadFails(), dir.toString(), "rerank_weight", "1.5");
    }

    @Test
    void openSetBundleDoesNotAnchorToProxiesOfClassesItIsNotSearchedOn() {
        assertEquals(0f, ModelBundle.load("fashion-open-set").spec().proxyAnchor(),
                "anchoring would pull the unseen classes onto the seen classes' proxies");
    }

    @Test
    void openSetBundleIsWhitenedOnTheImagesItWasTrainedOnOnly() {
        ModelSpec spec = ModelBundle.load("fashion-open-set").spec();
        assertEquals(spec.training().dataset(), spec.whitening().dataset(), "never on validation or test images");
        assertEquals(5 * 6000, spec.whitening().images(), "the training split's images of its five classes");
        assertEquals(null, ModelBundle.load("fashion").spec().whitening());
    }

    @Test
    void fileEntryWithoutNameOrChecksumIsRefused() throws IOException {
        bundle().save(dir);
        editSpec(spec -> ((ObjectNode) spec.get("parameters")).remove("sha256"));
        assertNames(loadFails(), dir.toString(), "SHA-256");
        editSpec(spec -> ((ObjectNode) spec.get("proxies")).remove("file"));
        assertNames(loadFails(), dir.toString(), "spec.json");
    }

    @Test
    void proxiesThatDoNotMatchTheClassesAreRefused() throws IOException {
        ModelBundle b = bundle();
        float[][] two = Arrays.copyOf(b.proxies().vectors(), 2);
        ModelBundle.of(b.spec(), b.parameters(), new Proxies(List.of("bar", "post"), two)).save(dir);
        assertNames(loadFails(), dir.toString(), "proxies.json", "classes");
    }

    @Test
    void unknownBuiltInNameIsRefused() {
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> ModelBundle.load("no-such-model"));
        assertNames(e, "no-such-model", "fashion");
        assertEquals("model no-such-model", e.input());
    }
}
