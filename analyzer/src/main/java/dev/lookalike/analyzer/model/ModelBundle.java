package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A trained model as it ships: {@code spec.json} (architecture, input specification, classes, provenance,
 * checksums), the network parameters in DJL's format and {@code proxies.json}, one learned proxy per class.
 * A bundle is a directory, or a built-in one packaged on the class path under
 * {@value #BUILT_IN_ROOT}{@code <name>/}. Loading checks the format version and every file's size and
 * SHA-256, so that a missing, truncated or foreign bundle fails with a message that says which.
 *
 * @param spec       the specification
 * @param parameters the network parameters, as DJL's {@code Block.saveParameters} wrote them
 * @param proxies    the proxies, one per class of the spec
 */
public record ModelBundle(ModelSpec spec, byte[] parameters, Proxies proxies) {

    /** Where built-in bundles sit on the class path. */
    public static final String BUILT_IN_ROOT = "dev/lookalike/analyzer/models/";
    /** The built-in bundles, the default first. */
    public static final List<String> BUILT_IN = List.of("fashion", "fashion-open-set", "fashion-colour",
            "fashion-photos");
    /** The spec file's name inside a bundle. */
    public static final String SPEC_FILE = "spec.json";

    /** What a bundle's file may be called: a name in its directory, never a path out of it. */
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Loads a bundle by built-in name or directory path.
     *
     * @param nameOrPath {@code fashion}, {@code fashion-open-set}, {@code fashion-colour}, {@code
     *                   fashion-photos}, or a bundle directory
     * @return the loaded, verified bundle
     * @throws AnalyzerInputException if there is no such bundle or it is damaged
     */
    public static ModelBundle load(String nameOrPath) {
        Path dir = Path.of(nameOrPath);
        if (Files.isDirectory(dir)) {
            return load(dir);
        }
        if (BUILT_IN.contains(nameOrPath)) {
            return read("built-in model " + nameOrPath, file -> {
                InputStream in = ModelBundle.class.getClassLoader()
                        .getResourceAsStream(BUILT_IN_ROOT + nameOrPath + "/" + file);
                if (in == null) {
                    return null;
                }
                try (in) {
                    return in.readAllBytes();
                }
            });
        }
        throw new AnalyzerInputException("model " + nameOrPath,
                "no bundle directory there and no built-in model of that name (built-in: "
                        + String.join(", ", BUILT_IN) + ")");
    }

    /**
     * Loads a bundle directory.
     *
     * @param dir the directory holding {@code spec.json} and the files it names
     * @return the loaded, verified bundle
     * @throws AnalyzerInputException if the directory is not a complete bundle of this format
     */
    public static ModelBundle load(Path dir) {
        return read("model bundle " + dir, file -> {
            Path p = dir.resolve(file);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        });
    }

    /**
     * Writes this bundle into a directory, each file through a temporary file and an atomic move, so that
     * a crash leaves either the old file or the new one.
     *
     * @param dir the directory, created if needed
     * @throws IOException if writing fails
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir, spec.parameters().file(), parameters);
        write(dir, spec.proxies().file(), JSON.writeValueAsBytes(proxies));
        write(dir, SPEC_FILE, JSON.writeValueAsBytes(spec));
    }

    /**
     * @param on whether the embedding averages each image with its mirror image
     * @return this bundle with mirror averaging on or off (same parameters and proxies)
     */
    public ModelBundle withMirrorAverage(boolean on) {
        return of(spec.withMirrorAverage(on), parameters, proxies);
    }

    /**
     * @param weight the proxy anchor weight, in [0, 1); 0 turns anchoring off
     * @return this bundle with that anchoring (same parameters and proxies)
     * @throws IllegalArgumentException if the weight is out of range
     */
    public ModelBundle withProxyAnchor(float weight) {
        return of(spec.withProxyAnchor(weight), parameters, proxies);
    }

    /**
     * @param provenance what the bundle was trained on and how
     * @return this bundle recording it (same parameters and proxies)
     */
    public ModelBundle withTraining(TrainingProvenance provenance) {
        return of(spec.withTraining(provenance), parameters, proxies);
    }

    /**
     * Makes a bundle from freshly trained parts, computing the checksums of its files.
     *
     * @param spec       the spec; its file digests are replaced
     * @param parameters the network parameters
     * @param proxies    the proxies
     * @return the bundle, ready to {@link #save(Path)}
     */
    public static ModelBundle of(ModelSpec spec, byte[] parameters, Proxies proxies) {
        try {
            byte[] proxyBytes = JSON.writeValueAsBytes(proxies);
            ModelSpec withDigests = new ModelSpec(ModelSpec.FORMAT_VERSION, spec.name(), spec.network(),
                    spec.input(), spec.classes(), spec.temperature(), spec.mirrorAverage(), spec.proxyAnchor(),
                    spec.rerankWeight(), digest("model.params", parameters), digest("proxies.json", proxyBytes),
                    spec.training(), spec.whitening());
            return new ModelBundle(withDigests, parameters, proxies);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise proxies", e);
        }
    }

    private interface FileSource {
        byte[] read(String file) throws IOException;
    }

    private static ModelBundle read(String what, FileSource source) {
        byte[] specBytes = readFile(what, source, SPEC_FILE);
        if (specBytes == null) {
            throw new AnalyzerInputException(what, "missing " + SPEC_FILE + " (not a model bundle)");
        }
        ModelSpec spec = parseSpec(what, specBytes);
        byte[] params = verified(what, source, spec.parameters());
        String proxiesFile = spec.proxies().file();
        byte[] proxyBytes = verified(what, source, spec.proxies());
        Proxies proxies;
        try {
            proxies = JSON.readValue(proxyBytes, Proxies.class);
        } catch (IOException | RuntimeException e) {
            throw new AnalyzerInputException(what, proxiesFile + " is unreadable: " + e.getMessage(), e);
        }
        if (!proxies.classes().equals(spec.classes()) || proxies.dimension() != spec.embeddingSize()) {
            throw new AnalyzerInputException(what, proxiesFile + " does not match the spec's classes and "
                    + spec.embeddingSize() + "-d embedding");
        }
        requireUsableVectors(what, proxiesFile, proxies);
        return new ModelBundle(spec, params, proxies);
    }

    /** Every problem found here is the spec's, so every message names {@value #SPEC_FILE}. */
    private static ModelSpec parseSpec(String what, byte[] specBytes) {
        ModelSpec spec;
        try {
            int version = JSON.readTree(specBytes).path("format_version").asInt(-1);
            if (version != ModelSpec.FORMAT_VERSION) {
                throw new AnalyzerInputException(what, SPEC_FILE + " has bundle format version " + version
                        + ", which is not supported; this Lookalike reads version " + ModelSpec.FORMAT_VERSION);
            }
            spec = JSON.readValue(specBytes, ModelSpec.class);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AnalyzerInputException bad) {
                throw bad;
            }
            if (e instanceof ValueInstantiationException refused && refused.getCause() instanceof IllegalArgumentException why) {
                // A part of the spec refused its values (an input of 2 channels, say): its message names the field.
                throw new AnalyzerInputException(what, SPEC_FILE + " " + why.getMessage(), e);
            }
            throw new AnalyzerInputException(what, SPEC_FILE + " is unreadable: " + e.getMessage(), e);
        }
        requireParts(what, spec);
        try {
            ProxyAnchor.requireWeight(SPEC_FILE + " \"proxy_anchor\"", spec.proxyAnchor());
        } catch (IllegalArgumentException e) {
            throw new AnalyzerInputException(what, e.getMessage(), e);
        }
        if (spec.rerankWeight() != null && !(spec.rerankWeight() >= 0 && spec.rerankWeight() <= 1)) {
            throw new AnalyzerInputException(what, SPEC_FILE + " has \"rerank_weight\" " + spec.rerankWeight()
                    + "; it must be from 0 to 1");
        }
        if (!(Float.isFinite(spec.temperature()) && spec.temperature() > 0)) {
            throw new AnalyzerInputException(what, SPEC_FILE + " has \"temperature\" " + spec.temperature()
                    + "; it must be a positive number");
        }
        return spec;
    }

    /** A proxy that is infinite, NaN or zero gives NaN similarities to every image; refuse it at load. */
    private static void requireUsableVectors(String what, String file, Proxies proxies) {
        float[][] vectors = proxies.vectors();
        for (int c = 0; c < vectors.length; c++) {
            double norm = 0;
            for (float x : vectors[c]) {
                norm += (double) x * x;
            }
            if (!Double.isFinite(norm) || norm == 0) {
                throw new AnalyzerInputException(what, file + " has a proxy for class " + c + " ("
                        + proxies.classes().get(c) + ") that is zero, infinite or not a number");
            }
        }
    }

    private static byte[] readFile(String what, FileSource source, String file) {
        try {
            return source.read(file);
        } catch (IOException e) {
            throw new AnalyzerInputException(what, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Jackson leaves absent fields null; a spec missing any of these cannot be used, so say which. */
    private static void requireParts(String what, ModelSpec spec) {
        String[] names = {"name", "network", "input", "classes", "parameters", "proxies"};
        Object[] parts = {spec.name(), spec.network(), spec.input(), spec.classes(), spec.parameters(), spec.proxies()};
        for (int i = 0; i < names.length; i++) {
            if (parts[i] == null) {
                throw new AnalyzerInputException(what, SPEC_FILE + " lacks \"" + names[i] + "\"");
            }
        }
    }

    private static byte[] verified(String what, FileSource source, ModelSpec.FileDigest expected) {
        if (expected.file() == null || expected.sha256() == null) {
            throw new AnalyzerInputException(what, SPEC_FILE + " names a file without its name or SHA-256");
        }
        if (!PLAIN_FILE_NAME.matcher(expected.file()).matches() || expected.file().matches("\\.+")) {
            throw new AnalyzerInputException(what, SPEC_FILE + " names the file '" + expected.file()
                    + "'; a bundle's files are plain names inside its directory");
        }
        byte[] bytes = readFile(what, source, expected.file());
        if (bytes == null) {
            throw new AnalyzerInputException(what, "missing " + expected.file() + " (named in " + SPEC_FILE + ")");
        }
        if (bytes.length != expected.bytes()) {
            throw new AnalyzerInputException(what, expected.file() + " has " + bytes.length
                    + " bytes, the spec says " + expected.bytes() + " (truncated or replaced)");
        }
        if (!sha256(bytes).equals(expected.sha256())) {
            throw new AnalyzerInputException(what, expected.file() + " does not match its SHA-256 in the spec (damaged)");
        }
        return bytes;
    }

    private static ModelSpec.FileDigest digest(String file, byte[] bytes) {
        return new ModelSpec.FileDigest(file, bytes.length, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void write(Path dir, String file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, file, ".tmp");
        Files.write(tmp, bytes);
        // Temporary files are private (0600); a bundle is meant to be read by others, e.g. a search node's user.
        if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
