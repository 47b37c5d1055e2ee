package dev.lookalike.opensearch;

import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.image.ImageUrls;
import dev.lookalike.analyzer.image.PixelBudget;
import dev.lookalike.analyzer.model.ModelBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.util.concurrent.OpenSearchExecutors;
import org.opensearch.core.common.unit.ByteSizeUnit;
import org.opensearch.core.common.unit.ByteSizeValue;
import org.opensearch.env.Environment;

/**
 * The plug-in's node settings, read once at start-up from {@code opensearch.yml} or {@code -E}. All are
 * node-scoped and static: changing one means restarting the node, since the model is loaded once per node.
 */
public final class LookalikeSettings {

    /**
     * The model bundle: a built-in name ({@code fashion}, the default; {@code fashion-open-set}, {@code fashion-colour}) or a bundle
     * directory. A relative directory resolves against the node's config directory; the directory must lie under
     * the config directory or a data path, since OpenSearch lets plug-ins read files only there.
     */
    public static final Setting<String> MODEL = Setting.simpleString("lookalike.model", "fashion", Property.NodeScope);

    /**
     * Where DJL unpacks the PyTorch native library: relative paths resolve against the node's first data path.
     * The directory must lie under one of the node's data paths or its temporary directory, the places
     * OpenSearch lets plug-ins write; the user's home is never used.
     */
    public static final Setting<String> DJL_CACHE = Setting.simpleString("lookalike.djl_cache", "lookalike/djl",
            Property.NodeScope);

    /**
     * Threads that decode and embed images, and DJL predictors: how many images the node embeds at once.
     * The default of the pool {@code thread_pool.lookalike_inference.size}, which overrides it when set.
     * Defaults to half the node's allocated processors, at least one.
     */
    public static final Setting<Integer> INFERENCE_THREADS = new Setting<>("lookalike.inference_threads",
            s -> Integer.toString(Math.max(1, OpenSearchExecutors.allocatedProcessors(s) / 2)),
            s -> Setting.parseInt(s, 1, 64, "lookalike.inference_threads"), Property.NodeScope);

    /**
     * Embedding requests that may wait for a thread; a request beyond them is answered 429. The default of
     * {@code thread_pool.lookalike_inference.queue_size}.
     */
    public static final Setting<Integer> INFERENCE_QUEUE_SIZE = Setting.intSetting("lookalike.inference_queue_size",
            100, 1, Property.NodeScope);

    /** The largest encoded image a request may carry, checked before decoding (default 10mb). */
    public static final Setting<ByteSizeValue> MAX_IMAGE_BYTES = Setting.byteSizeSetting("lookalike.max_image_bytes",
            new ByteSizeValue(10, ByteSizeUnit.MB), new ByteSizeValue(1, ByteSizeUnit.BYTES),
            new ByteSizeValue(Integer.MAX_VALUE, ByteSizeUnit.BYTES), Property.NodeScope);

    /**
     * The largest decoded image, as width times height, checked against the image header before decoding.
     * Each image being decoded costs about 4 bytes a pixel of heap, so the default, 16 million, bounds a decode
     * to 64 MB.
     */
    public static final Setting<Long> MAX_IMAGE_PIXELS = Setting.longSetting("lookalike.max_image_pixels",
            16_000_000L, 1L, Property.NodeScope);

    /**
     * The most memory the images being decoded at once may take (their decoded pixels, 8 bytes each: see
     * {@link PixelBudget}); an image beyond it is answered 429, retry, before the node runs out of heap. Default:
     * a quarter of the heap.
     */
    public static final Setting<ByteSizeValue> MAX_INFLIGHT_IMAGE_BYTES = new Setting<>(
            "lookalike.max_inflight_image_bytes",
            s -> new ByteSizeValue(Runtime.getRuntime().maxMemory() / 4).getStringRep(),
            s -> ByteSizeValue.parseBytesSizeValue(s, "lookalike.max_inflight_image_bytes"), Property.NodeScope);

    /**
     * The directory under which the {@code image_embedding} ingest processor may read image files
     * ({@code "source": "file"}); empty, the default, refuses every file. A relative directory resolves against
     * the node's config directory; it must lie under the config directory or a data path, where OpenSearch lets
     * plug-ins read.
     */
    public static final Setting<String> INGEST_FILE_ROOT = Setting.simpleString("lookalike.ingest.file_root", "",
            Property.NodeScope);

    /**
     * The hosts from which the {@code image_embedding} ingest processor may fetch images by URL
     * ({@code "source": "url"}), e.g. {@code ["images.example.com"]}; empty, the default, refuses every URL.
     * Host names are compared exactly, without wildcards.
     */
    public static final Setting<List<String>> INGEST_URL_ALLOW_LIST = Setting.listSetting(
            "lookalike.ingest.url_allow_list", List.of(), s -> s.toLowerCase(Locale.ROOT), Property.NodeScope);

    /**
     * The deadline of one image fetch by URL, from connecting to the last byte (default 10s): a server that sends
     * slowly, a byte at a time, fails its document with a 400 naming the URL when it passes, and its connection is
     * closed.
     */
    public static final Setting<TimeValue> INGEST_URL_TIMEOUT = Setting.timeSetting("lookalike.ingest.url_timeout",
            TimeValue.timeValueMillis(ImageUrls.DEFAULT_TIMEOUT.toMillis()), TimeValue.timeValueMillis(1),
            Property.NodeScope);

    private LookalikeSettings() {
    }

    /** @return every setting above, for {@code Plugin#getSettings} */
    public static List<Setting<?>> all() {
        return List.of(MODEL, DJL_CACHE, INFERENCE_THREADS, INFERENCE_QUEUE_SIZE, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS,
                MAX_INFLIGHT_IMAGE_BYTES, INGEST_FILE_ROOT, INGEST_URL_ALLOW_LIST, INGEST_URL_TIMEOUT);
    }

    /**
     * @param settings the node's settings
     * @return the fetcher of images by URL that the settings describe
     */
    public static ImageUrls imageUrls(Settings settings) {
        return new ImageUrls(INGEST_URL_ALLOW_LIST.get(settings), MAX_IMAGE_BYTES.get(settings).getBytes(),
                Duration.ofMillis(INGEST_URL_TIMEOUT.get(settings).millis()));
    }

    /**
     * @param settings the node's settings
     * @return the image limits the settings give
     */
    public static ImageLimits imageLimits(Settings settings) {
        return new ImageLimits(MAX_IMAGE_BYTES.get(settings).getBytes(), MAX_IMAGE_PIXELS.get(settings));
    }

    /**
     * @param settings the node's settings
     * @return the node's bound on decoded images in flight
     * @throws IllegalArgumentException naming the setting if it is not positive
     */
    public static PixelBudget pixelBudget(Settings settings) {
        long bytes = MAX_INFLIGHT_IMAGE_BYTES.get(settings).getBytes();
        if (bytes <= 0) {
            throw new IllegalArgumentException("[lookalike.max_inflight_image_bytes] must be positive, got "
                    + MAX_INFLIGHT_IMAGE_BYTES.get(settings));
        }
        return new PixelBudget(bytes);
    }

    /**
     * Resolves {@link #MODEL} against the node's paths. Costs nothing; reads nothing.
     *
     * @param environment the node's environment
     * @return a built-in bundle's name as it is, else the bundle directory's absolute, normalised path
     * @throws IllegalArgumentException if the directory lies outside the node's config directory and data paths;
     *                                  the message names the setting and the allowed places
     */
    public static String model(Environment environment) {
        String model = MODEL.get(environment.settings());
        return ModelBundle.BUILT_IN.contains(model) ? model
                : readableDirectory(environment, MODEL, model, "neither a built-in model " + ModelBundle.BUILT_IN + " nor")
                        .toString();
    }

    /**
     * Resolves {@link #INGEST_FILE_ROOT} against the node's paths. Costs nothing; reads nothing.
     *
     * @param environment the node's environment
     * @return the absolute, normalised root, or {@code null} when the setting is empty (files refused)
     * @throws IllegalArgumentException if the directory lies outside the node's config directory and data
     *                                  paths; the message names the setting and the allowed places
     */
    public static Path ingestFileRoot(Environment environment) {
        String root = INGEST_FILE_ROOT.get(environment.settings());
        return root.isBlank() ? null : readableDirectory(environment, INGEST_FILE_ROOT, root, "not");
    }

    /** Resolves a directory against the config directory and refuses it outside the places plug-ins may read. */
    private static Path readableDirectory(Environment environment, Setting<String> setting, String value,
            String refusal) {
        Path config = environment.configDir().toAbsolutePath().normalize();
        Path dir = config.resolve(value).toAbsolutePath().normalize();
        if (dir.startsWith(config) || underDataPath(environment, dir)) {
            return dir;
        }
        throw new IllegalArgumentException("[" + setting.getKey() + "] is " + dir + ", which is " + refusal
                + " under the node's config directory " + config + " or its data paths "
                + List.of(environment.dataFiles()) + "; OpenSearch lets plug-ins read files only there");
    }

    private static boolean underDataPath(Environment environment, Path path) {
        for (Path dataPath : environment.dataFiles()) {
            if (path.startsWith(dataPath.toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves {@link #DJL_CACHE} against the node's paths. Costs nothing; creates nothing.
     *
     * @param environment the node's environment
     * @return the absolute, normalised cache directory
     * @throws IllegalArgumentException if the directory lies outside the node's data paths and temporary
     *                                  directory; the message names the setting and the allowed places
     */
    public static Path djlCache(Environment environment) {
        Path[] data = environment.dataFiles();
        Path cache = data[0].resolve(DJL_CACHE.get(environment.settings())).toAbsolutePath().normalize();
        Path tmp = environment.tmpDir().toAbsolutePath().normalize();
        if (cache.startsWith(tmp) || underDataPath(environment, cache)) {
            return cache;
        }
        throw new IllegalArgumentException("[" + DJL_CACHE.getKey() + "] is " + cache
                + ", which is outside the node's data paths " + List.of(data) + " and its temporary directory " + tmp
                + "; OpenSearch lets plug-ins write only there");
    }
}
