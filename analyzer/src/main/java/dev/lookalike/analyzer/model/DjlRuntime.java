package dev.lookalike.analyzer.model;

import java.nio.file.Path;

/**
 * Sets DJL up to run offline on the PyTorch engine whose native library ships in the
 * {@code pytorch-native-cpu} jar: nothing is downloaded, and DJL unpacks the library into a cache directory
 * that Lookalike owns rather than the user's {@code ~/.djl.ai}. Must run before the first DJL engine call;
 * properties already set by the user (for example {@code -DDJL_CACHE_DIR=…}) win.
 */
public final class DjlRuntime {

    /** The environment variable naming Lookalike's home directory (default {@code ~/.lookalike}). */
    public static final String HOME_ENV = "LOOKALIKE_HOME";

    private DjlRuntime() {
    }

    /** @return Lookalike's home directory: {@code $LOOKALIKE_HOME}, else {@code ~/.lookalike} */
    public static Path home() {
        String env = System.getenv(HOME_ENV);
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".lookalike");
    }

    /** Configures DJL with the cache under {@link #home()}{@code /djl}. */
    public static void configure() {
        configure(home().resolve("djl"));
    }

    /**
     * Configures DJL with the given cache directory.
     *
     * @param cacheDir where DJL may unpack the PyTorch native library
     */
    public static void configure(Path cacheDir) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir.toString());
        // DJL's usage statistics would try the network at start-up.
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
