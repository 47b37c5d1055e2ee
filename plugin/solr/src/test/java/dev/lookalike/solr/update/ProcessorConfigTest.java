package dev.lookalike.solr.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

    private static NamedList<Object> args(Object... pairs) {
        NamedList<Object> list = new NamedList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add((String) pairs[i], pairs[i + 1]);
        }
        return list;
    }

    private static void assertRefused(String expected, Object... pairs) {
        SolrException e = assertThrows(SolrException.class, () -> ProcessorConfig.parse(args(pairs)));
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void readsTheParametersWithDefaults() {
        ProcessorConfig c = ProcessorConfig.parse(args("inputField", "image", "outputField", "embedding"));
        assertEquals("image", c.inputField());
        assertEquals(ImageSource.BASE64, c.source());
        assertEquals("embedding", c.outputField());
        assertNull(c.categoryField());
        assertEquals(ProcessorConfig.DEFAULT_BATCH_SIZE, c.batchSize());
        ProcessorConfig all = ProcessorConfig.parse(args("inputField", "path", "source", "FILE", "outputField", "e",
                "categoryField", "c", "probabilityField", "p", "removeImage", true, "ignoreMissing", "true",
                "batchSize", 4));
        assertEquals(ImageSource.FILE, all.source());
        assertTrue(all.removeImage());
        assertTrue(all.ignoreMissing());
        assertEquals(4, all.batchSize());
    }

    @Test
    void refusesUnknownMissingAndMalformedParametersNamingThem() {
        assertRefused("[inputfield] = 'image' is not a parameter of this processor", "inputfield", "image",
                "outputField", "e");
        assertRefused("[inputField] is required", "outputField", "e");
        assertRefused("[outputField] is required", "inputField", "i");
        assertRefused("[source] = 'ftp' must be base64, file or url", "inputField", "i", "outputField", "e",
                "source", "ftp");
        assertRefused("[batchSize] = '0' must be between 1 and 1024", "inputField", "i", "outputField", "e",
                "batchSize", 0);
        assertRefused("[batchSize] = 'many' must be an integer", "inputField", "i", "outputField", "e",
                "batchSize", "many");
        assertRefused("[removeImage] = 'yes' must be true or false", "inputField", "i", "outputField", "e",
                "removeImage", "yes");
        assertRefused("[outputField] = 'i' must differ from inputField", "inputField", "i", "outputField", "i");
        assertRefused("[categoryField] = 'e' must differ", "inputField", "i", "outputField", "e",
                "categoryField", "e");
        assertRefused("[inputField] = 'j' is given twice", "inputField", "i", "inputField", "j", "outputField", "e");
    }
}
