package dev.lookalike.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.image.ImageLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;

class LookalikeSettingsTest {

    @TempDir
    Path home;

    private Environment environment(Settings.Builder extra) {
        return new Environment(extra.put("path.home", home.toString()).build(), null);
    }

    @Test
    void djlCacheDefaultsToAFolderOfTheFirstDataPath() {
        Environment env = environment(Settings.builder());
        assertEquals(env.dataFiles()[0].resolve("lookalike/djl").toAbsolutePath().normalize(),
                LookalikeSettings.djlCache(env));
    }

    @Test
    void djlCacheMayBeAnyFolderUnderTheDataPathsOrTheTemporaryDirectory() {
        Path second = home.resolve("data2");
        Environment env = environment(Settings.builder().putList("path.data", home.resolve("data1").toString(),
                second.toString()).put("lookalike.djl_cache", second.resolve("cache").toString()));
        assertEquals(second.resolve("cache"), LookalikeSettings.djlCache(env));

        Environment tmp = environment(Settings.builder().put("lookalike.djl_cache",
                Path.of(System.getProperty("java.io.tmpdir"), "lookalike-djl").toString()));
        assertTrue(LookalikeSettings.djlCache(tmp).endsWith("lookalike-djl"));
    }

    @Test
    void djlCacheOutsideTheNodesPathsIsRefusedNamingTheSetting() {
        for (String outside : new String[] {"/etc/lookalike", "../../../../../../../../../../etc/lookalike"}) {
            Environment env = environment(Settings.builder().put("lookalike.djl_cache", outside));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LookalikeSettings.djlCache(env));
            assertTrue(e.getMessage().startsWith("[lookalike.djl_cache]"), e.getMessage());
        }
    }

    @Test
    void builtInModelsStayNamesAndDirectoriesResolveAgainstTheConfigDirectory() {
        assertEquals("fashion", LookalikeSettings.model(environment(Settings.builder())));
        assertEquals("fashion-open-set", LookalikeSettings.model(environment(Settings.builder()
                .put("lookalike.model", "fashion-open-set"))));
        Environment env = environment(Settings.builder().put("lookalike.model", "models/shoes"));
        assertEquals(env.configDir().resolve("models/shoes").toAbsolutePath().normalize().toString(),
                LookalikeSettings.model(env));
        Environment data = environment(Settings.builder());
        String inData = data.dataFiles()[0].resolve("bundles/shoes").toAbsolutePath().toString();
        assertEquals(inData, LookalikeSettings.model(environment(Settings.builder().put("lookalike.model", inData))));
    }

    @Test
    void modelDirectoryOutsideWhatPluginsMayReadIsRefusedNamingTheSetting() {
        for (String outside : new String[] {"/srv/models/shoes", "../../../../../../../../../../srv/shoes"}) {
            Environment env = environment(Settings.builder().put("lookalike.model", outside));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LookalikeSettings.model(env));
            assertTrue(e.getMessage().startsWith("[lookalike.model]"), e.getMessage());
            assertTrue(e.getMessage().contains("config directory"), e.getMessage());
        }
    }

    @Test
    void imageLimitsComeFromByteAndPixelSettings() {
        Settings settings = Settings.builder().put("lookalike.max_image_bytes", "2mb")
                .put("lookalike.max_image_pixels", 5000).build();
        assertEquals(new ImageLimits(2 * 1024 * 1024, 5000), LookalikeSettings.imageLimits(settings));
        assertEquals(10 * 1024 * 1024, LookalikeSettings.imageLimits(Settings.EMPTY).maxBytes());
    }

    @Test
    void inferenceThreadsDefaultToHalfTheProcessorsAndRefuseZero() {
        assertEquals(2, LookalikeSettings.INFERENCE_THREADS.get(Settings.builder().put("node.processors", 4).build()));
        assertEquals(1, LookalikeSettings.INFERENCE_THREADS.get(Settings.builder().put("node.processors", 1).build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LookalikeSettings
                .INFERENCE_THREADS.get(Settings.builder().put("lookalike.inference_threads", 0).build()));
        assertTrue(e.getMessage().contains("lookalike.inference_threads"), e.getMessage());
    }
}
