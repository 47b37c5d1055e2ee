package dev.lookalike.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link ModelBundle#load(Path)} with any content of {@code spec.json} and {@code proxies.json}: the
 * outcome is a usable bundle or an {@link AnalyzerInputException} that names the file at fault, never another
 * exception.
 *
 * <p>An input is the spec's bytes, a NUL byte, then the proxies' bytes (a NUL cannot occur in JSON text, so
 * the seeds are the shipped bundles' two files joined by one). Each input is loaded twice: as it is, and, when
 * the spec is a JSON object, with its {@code parameters} and {@code proxies} entries rewritten to the files'
 * real sizes and SHA-256s, so that the fuzzer gets past the checksums into the proxies' parser, as a fuzzer
 * of PNG gets past its CRCs. The network parameters are a fixed file: DJL reads them only when the model is
 * built, not when the bundle is loaded.
 */
class ModelBundleFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PARAMETERS = new byte[64];
    private static Path dir;

    @BeforeAll
    static void createBundleDirectory() throws IOException {
        dir = Files.createTempDirectory("bundle-fuzz");
    }

    @AfterAll
    static void deleteBundleDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @FuzzTest
    @Timeout(10)
    void loadAnySpecAndProxies(byte[] input) throws IOException {
        int nul = indexOf(input, (byte) 0);
        byte[] spec = nul < 0 ? input : Arrays.copyOf(input, nul);
        byte[] proxies = nul < 0 ? new byte[0] : Arrays.copyOfRange(input, nul + 1, input.length);
        Files.write(dir.resolve(ModelBundle.SPEC_FILE), spec);
        Files.write(dir.resolve("proxies.json"), proxies);
        Files.write(dir.resolve("model.params"), PARAMETERS);
        loadOrNameTheFile();
        byte[] fixed = withRealDigests(spec, proxies);
        if (fixed != null) {
            Files.write(dir.resolve(ModelBundle.SPEC_FILE), fixed);
            loadOrNameTheFile();
        }
    }

    private static void loadOrNameTheFile() {
        ModelBundle bundle;
        try {
            bundle = ModelBundle.load(dir);
        } catch (AnalyzerInputException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith("model bundle " + dir + ": "), m);
            assertTrue(m.contains("spec.json") || m.contains("proxies.json") || m.contains("model.params"),
                    "the error should name the file at fault: " + m);
            return;
        }
        ModelSpec spec = bundle.spec();
        assertEquals(spec.classes(), bundle.proxies().classes());
        assertEquals(spec.embeddingSize(), bundle.proxies().dimension());
        assertTrue(Float.isFinite(spec.temperature()) && spec.temperature() > 0, "temperature " + spec.temperature());
        for (int c = 0; c < spec.input().channels(); c++) {
            assertTrue(Float.isFinite(spec.input().mean(c)), "mean " + spec.input().mean());
            assertTrue(spec.input().std(c) > 0 && Float.isFinite(spec.input().std(c)), "std " + spec.input().std());
        }
        assertTrue(Float.isFinite(spec.input().objectThreshold()), "object_threshold " + spec.input().objectThreshold());
        for (float[] v : bundle.proxies().vectors()) {
            double norm = 0;
            for (float x : v) {
                assertTrue(Float.isFinite(x), "proxy component " + x);
                norm += (double) x * x;
            }
            assertTrue(norm > 0, "zero proxy vector");
        }
    }

    /** @return the spec with its file entries made true to the files, or null if it is not a JSON object */
    private static byte[] withRealDigests(byte[] spec, byte[] proxies) {
        JsonNode root;
        try {
            root = JSON.readTree(spec);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (!(root instanceof ObjectNode object)) {
            return null;
        }
        object.set("parameters", digest("model.params", PARAMETERS));
        object.set("proxies", digest("proxies.json", proxies));
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode digest(String file, byte[] bytes) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return JSON.createObjectNode().put("file", file).put("bytes", bytes.length).put("sha256", sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
