package dev.lookalike.opensearch.ingest;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageBase64;
import dev.lookalike.analyzer.image.ImageFiles;
import dev.lookalike.analyzer.image.ImageUrls;
import dev.lookalike.analyzer.model.EmbeddedImage;
import dev.lookalike.analyzer.model.ImageOutcome;
import dev.lookalike.opensearch.model.PooledEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opensearch.core.action.ActionListener;
import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;
import org.opensearch.ingest.Processor;

/**
 * The {@code image_embedding} ingest processor: reads an image from a document field and writes its embedding
 * into an {@code image_vector} field, with the category the model predicts and that category's probability
 * when asked.
 * <pre>
 * {"image_embedding": {"field": "image", "source": "base64" | "file" | "url",
 *                      "target_field": "embedding",
 *                      "category_field": "predicted_category", "probability_field": "predicted_probability",
 *                      "ignore_missing": false, "remove_image": false, "batch_size": 16}}
 * </pre>
 * {@code source} says what {@code field} holds: base64 image bytes (the default), a path under the node's
 * {@code lookalike.ingest.file_root}, or a URL on a host of {@code lookalike.ingest.url_allow_list}.
 * {@code remove_image} drops {@code field} once it is embedded, so that base64 images do not bloat
 * {@code _source} (the distributions without the {@code ingest-common} module have no {@code remove}
 * processor). OpenSearch hands a bulk request's documents to the processor together; it embeds them
 * {@code batch_size} at a time, one forward pass per batch, which is what makes a bulk load fast. Loading and
 * inference run on the bounded inference pool; when its queue is full, on the write thread that runs the
 * pipeline, so a large bulk request slows down instead of losing documents to rejections, and the write pool's
 * own bound applies. {@code if}, {@code on_failure} and {@code ignore_failure} work as for any processor.
 */
public final class ImageEmbeddingProcessor extends AbstractBatchingProcessor {

    /** The processor's name in pipelines. */
    public static final String TYPE = "image_embedding";

    /**
     * Images per batch when a pipeline does not say ({@code batch_size}): large enough that a forward pass costs
     * little per image, small enough that a bulk request's batches spread over the inference pool's threads.
     */
    public static final int DEFAULT_BATCH_SIZE = 16;

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

    private ImageEmbeddingProcessor(String tag, String description, int batchSize, Factory factory, String field,
            Source source, String targetField, String categoryField, String probabilityField, boolean ignoreMissing,
            boolean removeImage) {
        super(tag, description, batchSize);
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

    /**
     * Embeds the images of a batch of documents together: each document's field is checked first (a document
     * without it is left as it is under {@code ignore_missing}, else fails; a value that is not a string fails),
     * then the images are loaded and go through the network in batches on the inference pool (or on this thread
     * when the pool's queue is full). A document whose image cannot be loaded or decoded fails alone, with the
     * reason; the others are written.
     */
    @Override
    protected void subBatchExecute(List<IngestDocumentWrapper> documents, Consumer<List<IngestDocumentWrapper>> handler) {
        List<IngestDocumentWrapper> results = new ArrayList<>(documents);
        List<Integer> positions = new ArrayList<>();
        List<PooledEmbedder.ImageBytes> images = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String name = "[" + TYPE + "][" + field + "]";
        for (int i = 0; i < documents.size(); i++) {
            IngestDocumentWrapper wrapper = documents.get(i);
            if (wrapper.getIngestDocument() == null) {
                continue; // dropped or failed before this processor: passed on as it came
            }
            Object value = wrapper.getIngestDocument().getFieldValue(field, Object.class, true);
            Exception problem = check(value);
            if (problem != null) {
                results.set(i, failed(wrapper, problem));
            } else if (value != null) {
                String text = (String) value;
                positions.add(i);
                images.add(() -> load(text, name));
                names.add(name);
            }
        }
        if (images.isEmpty()) {
            handler.accept(results);
            return;
        }
        embedder.embedAllOrRunHere(images, names, ActionListener.wrap(outcomes -> {
            for (int j = 0; j < outcomes.size(); j++) {
                IngestDocumentWrapper wrapper = documents.get(positions.get(j));
                ImageOutcome outcome = outcomes.get(j);
                if (outcome.failure() != null) {
                    results.set(positions.get(j), failed(wrapper, outcome.failure()));
                    continue;
                }
                try {
                    write(wrapper.getIngestDocument(), outcome.embedded());
                } catch (RuntimeException e) {
                    // A target path through a non-object value, say: this document fails, the batch goes on.
                    results.set(positions.get(j), failed(wrapper, e));
                }
            }
            handler.accept(results);
        }, e -> {
            positions.forEach(i -> results.set(i, failed(documents.get(i), e)));
            handler.accept(results);
        }));
    }

    /** One document, as a batch of one: the path of {@code _simulate} and of pipelines run document by document. */
    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        subBatchExecute(List.of(new IngestDocumentWrapper(0, 0, document, null)), results -> {
            IngestDocumentWrapper result = results.get(0);
            handler.accept(result.getIngestDocument(), result.getException());
        });
    }

    /** @return why {@code value} cannot be embedded, or {@code null} when it can or may be skipped */
    private Exception check(Object value) {
        if (value == null) {
            return ignoreMissing ? null : new IllegalArgumentException("[" + TYPE + "] field [" + field
                    + "] is missing or null; set ignore_missing to skip such documents");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return new IllegalArgumentException("[" + TYPE + "] field [" + field + "] must be a "
                    + source.name().toLowerCase(Locale.ROOT) + " string, got " + describe(value));
        }
        return null;
    }

    private static IngestDocumentWrapper failed(IngestDocumentWrapper wrapper, Exception e) {
        return new IngestDocumentWrapper(wrapper.getSlot(), wrapper.getChildSlot(), null, e);
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

    /** Loads the image; the analyzer's refusals become {@link IllegalArgumentException}s, answered 400. */
    private byte[] load(String text, String name) throws Exception {
        try {
            return switch (source) {
                case BASE64 -> ImageBase64.decode(text, name, embedder.embedder().limits().maxBytes());
                case FILE -> files.read(text, name);
                case URL -> urls.fetch(text, name);
            };
        } catch (AnalyzerInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
            int batchSize = ConfigurationUtils.readIntProperty(TYPE, tag, config, BATCH_SIZE_FIELD, DEFAULT_BATCH_SIZE);
            if (batchSize < 1) {
                throw ConfigurationUtils.newConfigurationException(TYPE, tag, BATCH_SIZE_FIELD,
                        "must be a positive integer, got [" + batchSize + "]");
            }
            return new ImageEmbeddingProcessor(tag, description, batchSize, this, field, source, target, category,
                    probability, ignoreMissing, removeImage);
        }
    }
}
