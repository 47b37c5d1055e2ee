package dev.lookalike.solr.node;

import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.image.ImageUrls;
import dev.lookalike.analyzer.model.ModelBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.common.SolrException;

/**
 * The plug-in's node-level settings, read once per node from JVM system properties (set them in
 * {@code SOLR_OPTS}, e.g. {@code -Dlookalike.model=/models/shoes}); the names are the same as the OpenSearch
 * plug-in's node settings. Changing one means restarting the node, since the model is loaded once per node.
 * <ul>
 *   <li>{@value #MODEL}: a built-in bundle ({@code fashion}, the default; {@code fashion-open-set}, {@code fashion-colour}) or a bundle
 *       folder, relative to the Solr home when not absolute;</li>
 *   <li>{@value #DJL_CACHE}: where libtorch is unpacked, relative to the Solr home (default
 *       {@code lookalike/djl}); a node with no network works, the library ships in the zip;</li>
 *   <li>{@value #INFERENCE_THREADS}: threads that decode and embed images (default half the processors, 1 to
 *       64);</li>
 *   <li>{@value #INFERENCE_QUEUE_SIZE}: requests that may wait for a thread (default 100); beyond them a query
 *       or an {@code /lookalike/embed} request is answered 429;</li>
 *   <li>{@value #MAX_IMAGE_BYTES} (default 10 MB) and {@value #MAX_IMAGE_PIXELS} (default 16 million): the
 *       largest encoded and decoded image;</li>
 *   <li>{@value #MAX_INFLIGHT_IMAGE_BYTES}: the most bytes the images being decoded at once may take (default a
 *       quarter of the heap); an image beyond it is answered 429, before the heap runs out;</li>
 *   <li>{@value #FILE_ROOT}: the folder under which the update processor may read image files (default none:
 *       files refused), relative to the Solr home when not absolute;</li>
 *   <li>{@value #URL_ALLOW_LIST}: comma-separated hosts the update processor may fetch images from (default
 *       none: URLs refused);</li>
 *   <li>{@value #URL_TIMEOUT}: the deadline of one fetch by URL, from connecting to the last byte, as
 *       {@code 10s} (the default) or {@code 500ms}: a server that sends slowly fails its document.</li>
 * </ul>
 *
 * @param model              a built-in bundle name, or a bundle folder's absolute path
 * @param djlCache           the folder where libtorch is unpacked, absolute
 * @param inferenceThreads   threads of the inference pool
 * @param inferenceQueueSize waiting requests the pool accepts
 * @param limits             the image limits
 * @param maxInflightBytes   the bound of decoded images in flight, in bytes
 * @param fileRoot           the folder of readable image files, or {@code null}
 * @param urlAllowList       hosts images may be fetched from, lower case
 * @param urlTimeout         the deadline of one fetch by URL
 */
public record NodeSettings(String model, Path djlCache, int inferenceThreads, int inferenceQueueSize,
        ImageLimits limits, long maxInflightBytes, Path fileRoot, List<String> urlAllowList,
        Duration urlTimeout) {

    /** The model bundle. */
    public static final String MODEL = "lookalike.model";
    /** The folder where libtorch is unpacked. */
    public static final String DJL_CACHE = "lookalike.djl_cache";
    /** Threads of the inference pool. */
    public static final String INFERENCE_THREADS = "lookalike.inference_threads";
    /** Requests that may wait for an inference thread. */
    public static final String INFERENCE_QUEUE_SIZE = "lookalike.inference_queue_size";
    /** The largest encoded image, in bytes. */
    public static final String MAX_IMAGE_BYTES = "lookalike.max_image_bytes";
    /** The largest decoded image, as width times height. */
    public static final String MAX_IMAGE_PIXELS = "lookalike.max_image_pixels";
    /** The most bytes of decoded images in flight at once. */
    public static final String MAX_INFLIGHT_IMAGE_BYTES = "lookalike.max_inflight_image_bytes";
    /** The folder under which image files may be read. */
    public static final String FILE_ROOT = "lookalike.ingest.file_root";
    /** The hosts images may be fetched from. */
    public static final String URL_ALLOW_LIST = "lookalike.ingest.url_allow_list";
    /** The deadline of one fetch by URL. */
    public static final String URL_TIMEOUT = "lookalike.ingest.url_timeout";

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,12})(ms|s)");

    private static final Set<String> ALL = Set.of(MODEL, DJL_CACHE, INFERENCE_THREADS, INFERENCE_QUEUE_SIZE,
            MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_INFLIGHT_IMAGE_BYTES, FILE_ROOT, URL_ALLOW_LIST, URL_TIMEOUT);

    /**
     * Reads the settings from the JVM's system properties.
     *
     * @param solrHome the node's Solr home, against which relative folders resolve
     * @return the settings
     * @throws SolrException naming the property if a value is malformed or out of range, or a property starting
     *                       with {@code lookalike.} is unknown (a misspelt setting)
     */
    public static NodeSettings fromSystemProperties(Path solrHome) {
        for (String key : System.getProperties().stringPropertyNames()) {
            requireKnown(key, System.getProperty(key));
        }
        return parse(System::getProperty, solrHome, Runtime.getRuntime().availableProcessors());
    }

    /** A misspelt setting would silently keep its default: every {@code lookalike.*} property must be one of ours. */
    private static void requireKnown(String key, String value) {
        if (key.startsWith("lookalike.") && !ALL.contains(key)) {
            throw invalid(key, value, "is not a Lookalike setting; expected one of " + ALL.stream().sorted().toList());
        }
    }

    /**
     * Reads the settings from a map, for tests and for callers with their own source of properties.
     *
     * @param properties the properties by name; missing ones take their defaults
     * @param solrHome   the folder relative folders resolve against
     * @param processors the node's processors, for the default thread count
     * @return the settings
     * @throws SolrException naming the property if a value is malformed or out of range, or a property starting
     *                       with {@code lookalike.} is unknown
     */
    public static NodeSettings parse(Map<String, String> properties, Path solrHome, int processors) {
        for (String key : properties.keySet()) {
            requireKnown(key, properties.get(key));
        }
        return parse(properties::get, solrHome, processors);
    }

    private static NodeSettings parse(Function<String, String> properties, Path solrHome, int processors) {
        Path home = solrHome.toAbsolutePath().normalize();
        String model = value(properties, MODEL, "fashion");
        if (!ModelBundle.BUILT_IN.contains(model)) {
            model = home.resolve(model).normalize().toString();
        }
        Path cache = home.resolve(value(properties, DJL_CACHE, "lookalike/djl")).normalize();
        int threads = (int) number(properties, INFERENCE_THREADS, Math.max(1, processors / 2), 1, 64);
        int queue = (int) number(properties, INFERENCE_QUEUE_SIZE, 100, 1, 100_000);
        long bytes = number(properties, MAX_IMAGE_BYTES, 10L * 1024 * 1024, 1, Integer.MAX_VALUE - 8);
        long pixels = number(properties, MAX_IMAGE_PIXELS, 16_000_000L, 1, Long.MAX_VALUE);
        long inflight = number(properties, MAX_INFLIGHT_IMAGE_BYTES, Runtime.getRuntime().maxMemory() / 4, 1,
                Long.MAX_VALUE);
        String root = value(properties, FILE_ROOT, "");
        Path fileRoot = root.isBlank() ? null : home.resolve(root).normalize();
        List<String> hosts = new ArrayList<>();
        for (String host : value(properties, URL_ALLOW_LIST, "").split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new NodeSettings(model, cache, threads, queue, new ImageLimits(bytes, pixels), inflight, fileRoot,
                List.copyOf(hosts), duration(properties, URL_TIMEOUT, ImageUrls.DEFAULT_TIMEOUT));
    }

    /** A duration as {@code 10s} or {@code 500ms}, as OpenSearch writes its time settings. */
    private static Duration duration(Function<String, String> properties, String key, Duration fallback) {
        String v = value(properties, key, "");
        if (v.isEmpty()) {
            return fallback;
        }
        Matcher duration = DURATION.matcher(v);
        if (duration.matches()) {
            long n = Long.parseLong(duration.group(1));
            return duration.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
        }
        throw invalid(key, v, "must be a positive duration such as 10s or 500ms");
    }

    private static String value(Function<String, String> properties, String key, String fallback) {
        String v = properties.apply(key);
        return v == null ? fallback : v.strip();
    }

    private static long number(Function<String, String> properties, String key, long fallback, long min, long max) {
        String v = properties.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "must be an integer between " + min + " and " + max);
        }
        if (n < min || n > max) {
            throw invalid(key, v, "must be between " + min + " and " + max);
        }
        return n;
    }

    private static SolrException invalid(String key, String value, String problem) {
        return new SolrException(SolrException.ErrorCode.SERVER_ERROR,
                "[" + key + "] is '" + value + "', which " + problem);
    }
}
