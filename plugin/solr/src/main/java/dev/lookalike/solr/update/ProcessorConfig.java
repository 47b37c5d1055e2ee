package dev.lookalike.solr.update;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * The init args of an {@link ImageEmbeddingUpdateProcessorFactory} in {@code solrconfig.xml}, checked when the
 * core loads: every error names the parameter and the value, and an unknown parameter is refused (a typo would
 * otherwise silently keep a default).
 * <pre>
 * &lt;processor class="dev.lookalike.solr.update.ImageEmbeddingUpdateProcessorFactory"&gt;
 *   &lt;str name="inputField"&gt;image&lt;/str&gt;            required
 *   &lt;str name="source"&gt;base64&lt;/str&gt;               base64 (default), file or url
 *   &lt;str name="outputField"&gt;embedding&lt;/str&gt;       required: a DenseVectorField of the model's dimension
 *   &lt;str name="categoryField"&gt;predicted_category&lt;/str&gt;       optional
 *   &lt;str name="probabilityField"&gt;predicted_probability&lt;/str&gt; optional
 *   &lt;bool name="removeImage"&gt;true&lt;/bool&gt;           default false
 *   &lt;bool name="ignoreMissing"&gt;true&lt;/bool&gt;         default false: a document without the field fails
 *   &lt;int name="batchSize"&gt;16&lt;/int&gt;                 images per forward pass, 1 to 1024
 * &lt;/processor&gt;
 * </pre>
 *
 * @param inputField       the field holding the image
 * @param source           what the input field holds
 * @param outputField      the dense vector field to write
 * @param categoryField    where to write the predicted category, or {@code null}
 * @param probabilityField where to write its probability, or {@code null}
 * @param removeImage      whether to drop the input field once embedded
 * @param ignoreMissing    whether a document without the input field passes unchanged
 * @param batchSize        images per forward pass
 */
public record ProcessorConfig(String inputField, ImageSource source, String outputField, String categoryField,
        String probabilityField, boolean removeImage, boolean ignoreMissing, int batchSize) {

    /** Images per forward pass when {@code batchSize} is not given. */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** The largest {@code batchSize}. */
    public static final int MAX_BATCH_SIZE = 1024;

    private static final Set<String> PARAMETERS = Set.of("inputField", "source", "outputField", "categoryField",
            "probabilityField", "removeImage", "ignoreMissing", "batchSize");

    /**
     * @param args the processor's init args
     * @return the configuration
     * @throws SolrException (500, as for any broken configuration) naming the parameter and the value
     */
    public static ProcessorConfig parse(NamedList<?> args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : args) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw invalid(e.getKey(), e.getValue(), "is not a parameter of this processor; expected one of "
                        + new TreeSet<>(PARAMETERS));
            }
            if (values.put(e.getKey(), e.getValue()) != null) {
                throw invalid(e.getKey(), e.getValue(), "is given twice");
            }
        }
        String input = string(values, "inputField", true);
        String output = string(values, "outputField", true);
        String sourceName = string(values, "source", false);
        ImageSource source = sourceName == null ? ImageSource.BASE64 : ImageSource.parse(sourceName);
        if (source == null) {
            throw invalid("source", sourceName, "must be base64, file or url");
        }
        int batch = integer(values, "batchSize", DEFAULT_BATCH_SIZE);
        if (batch < 1 || batch > MAX_BATCH_SIZE) {
            throw invalid("batchSize", batch, "must be between 1 and " + MAX_BATCH_SIZE);
        }
        ProcessorConfig config = new ProcessorConfig(input, source, output, string(values, "categoryField", false),
                string(values, "probabilityField", false), bool(values, "removeImage"), bool(values, "ignoreMissing"),
                batch);
        for (String other : new String[] {config.categoryField, config.probabilityField}) {
            if (other != null && List.of(input, output).contains(other)) {
                throw invalid(other.equals(config.categoryField) ? "categoryField" : "probabilityField", other,
                        "must differ from inputField and outputField");
            }
        }
        if (input.equals(output)) {
            throw invalid("outputField", output, "must differ from inputField");
        }
        return config;
    }

    private static String string(Map<String, Object> values, String name, boolean required) {
        Object v = values.get(name);
        if (v == null) {
            if (required) {
                throw invalid(name, null, "is required");
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw invalid(name, v, "must be a non-empty string");
        }
        return s.strip();
    }

    private static boolean bool(Map<String, Object> values, String name) {
        Object v = values.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(name, v, "must be true or false");
    }

    private static int integer(Map<String, Object> values, String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i) {
            return i;
        }
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw invalid(name, v, "must be an integer");
        }
    }

    private static SolrException invalid(String name, Object value, String problem) {
        return new SolrException(SolrException.ErrorCode.SERVER_ERROR, "ImageEmbeddingUpdateProcessorFactory ["
                + name + "]" + (value == null ? "" : " = '" + value + "'") + " " + problem);
    }
}
