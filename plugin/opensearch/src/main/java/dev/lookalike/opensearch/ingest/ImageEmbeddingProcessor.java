package dev.lookalike.opensearch.ingest;

import dev.lookalike.opensearch.model.EmbeddedImage;
import dev.lookalike.opensearch.model.ImageBase64;
import dev.lookalike.opensearch.model.PooledEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.opensearch.core.action.ActionListener;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.Processor;

/**
 * The {@code image_embedding} ingest processor: reads an image from a document field and writes its embedding
 * into an {@code image_vector} field, with the category the model predicts and that category's probability
 * when asked.
 * <pre>
 * {"image_embedding": {"field": "image", "source": "base64" | "file" | "url",
 *                      "target_field": "embedding",
 *                      "category_field": "predicted_category", "probability_field": "predicted_probability",
 *                      "ignore_missing": false, "remove_image": false}}
 * </pre>
 * {@code source} says what {@code field} holds: base64 image bytes (the default), a path under the node's
 * {@code lookalike.ingest.file_root}, or a URL on a host of {@code lookalike.ingest.url_allow_list}.
 * {@code remove_image} drops {@code field} once it is embedded, so that base64 images do not bloat
 * {@code _source} (the distributions without the {@code ingest-common} module have no {@code remove}
 * processor). Loading and
 * inference run on the bounded inference pool; when its queue is full, on the write thread that runs the
 * pipeline, so a large bulk request slows down instead of losing documents to rejections, and the write pool's
 * own bound applies. {@code if}, {@code on_failure} and {@code ignore_failure} work as for any processor.
 */
public final class ImageEmbeddingProcessor extends AbstractProcessor {

    /** The processor's name in pipelines. */
    public static final String TYPE = "image_embedding";

    /** What the source field holds. */
    public enum Source {
        /** Base64 image bytes. */
        BASE64,
        /** A path under the node's file root. */
        FILE,
        /** A URL on an allowed host. */
        URL
    }

    private final PooledEmbedder embedder;
    private final ImageFiles files;
    private final ImageUrls urls;
    private final String field;
    private final Source source;
    private final String targetField;
    private final String categoryField;
    private final String probabilityField;
    private final boolean ignoreMissing;
    private final boolean removeImage;

    private ImageEmbeddingProcessor(String tag, String description, Factory factory, String field, Source source,
            String targetField, String categoryField, String probabilityField, boolean ignoreMissing,
            boolean removeImage) {
        super(tag, description);
        this.embedder = factory.embedder.get();
        this.files = factory.files;
        this.urls = factory.urls;
        this.field = field;
        this.source = source;
        this.targetField = targetField;
        this.categoryField = categoryField;
        this.probabilityField = probabilityField;
        this.ignoreMissing = ignoreMissing;
        this.removeImage = removeImage;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        Object value = document.getFieldValue(field, Object.class, true);
        if (value == null) {
            if (ignoreMissing) {
                handler.accept(document, null);
            } else {
                handler.accept(null, new IllegalArgumentException("[" + TYPE + "] field [" + field
                        + "] is missing or null; set ignore_missing to skip such documents"));
            }
            return;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            handler.accept(null, new IllegalArgumentException("[" + TYPE + "] field [" + field + "] must be a "
                    + source.name().toLowerCase(Locale.ROOT) + " string, got " + describe(value)));
            return;
        }
        String name = "[" + TYPE + "][" + field + "]";
        embedder.embedOrRunHere(() -> load(text, name), name, ActionListener.wrap(embedded -> {
            write(document, embedded);
            handler.accept(document, null);
        }, e -> handler.accept(null, e)));
    }

    /**
     * Embeds on the calling thread; pipelines call {@link #execute(IngestDocument, BiConsumer)} instead.
     *
     * @throws Exception as the asynchronous form reports it
     */
    @Override
    public IngestDocument execute(IngestDocument document) throws Exception {
        Object value = document.getFieldValue(field, Object.class, ignoreMissing);
        if (value == null) {
            return document;
        }
        String name = "[" + TYPE + "][" + field + "]";
        write(document, embedder.embedder().embed(load(value.toString(), name), name));
        return document;
    }

    private byte[] load(String text, String name) throws Exception {
        return switch (source) {
            case BASE64 -> ImageBase64.decode(text, name);
            case FILE -> files.read(text, name);
            case URL -> urls.fetch(text, name);
        };
    }

    private void write(IngestDocument document, EmbeddedImage embedded) {
        List<Float> vector = new ArrayList<>(embedded.vector().length);
        for (float x : embedded.vector()) {
            vector.add(x);
        }
        document.setFieldValue(targetField, vector);
        if (categoryField != null) {
            document.setFieldValue(categoryField, embedded.predicted().name());
        }
        if (probabilityField != null) {
            document.setFieldValue(probabilityField, embedded.predicted().probability());
        }
        if (removeImage) {
            document.removeField(field);
        }
    }

    private static String describe(Object value) {
        return value instanceof String ? "an empty string" : value.getClass().getSimpleName() + " " + value;
    }

    /** Makes {@code image_embedding} processors from pipeline definitions. */
    public static final class Factory implements Processor.Factory {

        private final Supplier<PooledEmbedder> embedder;
        private final ImageFiles files;
        private final ImageUrls urls;

        /**
         * @param embedder the node's embedder, available once the node has started
         * @param files    reads files under the node's file root
         * @param urls     fetches URLs from the node's allowed hosts
         */
        public Factory(Supplier<PooledEmbedder> embedder, ImageFiles files, ImageUrls urls) {
            this.embedder = embedder;
            this.files = files;
            this.urls = urls;
        }

        /**
         * @throws org.opensearch.OpenSearchParseException naming the option if {@code field} or
         *                                                 {@code target_field} is missing or {@code source} is
         *                                                 not one of base64, file and url
         */
        @Override
        public ImageEmbeddingProcessor create(Map<String, Processor.Factory> registry, String tag,
                String description, Map<String, Object> config) {
            String field = ConfigurationUtils.readStringProperty(TYPE, tag, config, "field");
            String sourceName = ConfigurationUtils.readStringProperty(TYPE, tag, config, "source", "base64");
            Source source;
            try {
                source = Source.valueOf(sourceName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ConfigurationUtils.newConfigurationException(TYPE, tag, "source",
                        "must be base64, file or url, got [" + sourceName + "]");
            }
            String target = ConfigurationUtils.readStringProperty(TYPE, tag, config, "target_field");
            String category = ConfigurationUtils.readOptionalStringProperty(TYPE, tag, config, "category_field");
            String probability = ConfigurationUtils.readOptionalStringProperty(TYPE, tag, config, "probability_field");
            boolean ignoreMissing = ConfigurationUtils.readBooleanProperty(TYPE, tag, config, "ignore_missing", false);
            boolean removeImage = ConfigurationUtils.readBooleanProperty(TYPE, tag, config, "remove_image", false);
            return new ImageEmbeddingProcessor(tag, description, this, field, source, target, category, probability,
                    ignoreMissing, removeImage);
        }
    }
}
