package dev.lookalike.opensearch.codec;

import dev.lookalike.opensearch.mapper.ImageVectorFieldType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.codec.CodecService;
import org.opensearch.index.codec.CodecServiceConfig;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.MapperService;

/**
 * Gives each {@code image_vector} field the HNSW format its mapping asks for ({@code m},
 * {@code ef_construction}, quantization) and leaves everything else to the codec the index would have had:
 * each of OpenSearch's codecs ({@code default}, {@code best_compression}, …) is wrapped so that only the
 * vectors format of {@code image_vector} fields changes.
 *
 * <p>The wrapper keeps the wrapped codec's name. Lucene records each field's vectors format by name in the
 * segment, so reading a segment needs only Lucene's own codecs: an index stays readable without this
 * plug-in's classes, and a node that has the OpenSearch k-NN plug-in too opens it unchanged. OpenSearch lets
 * one plug-in supply an index's codecs: the k-NN plug-in does for indices with {@code index.knn: true}, so
 * this service is used only for the others ({@link #appliesTo}); in a k-NN index an {@code image_vector}
 * field gets Lucene's default HNSW parameters, and both plug-ins' fields keep working.
 */
public final class ImageVectorCodecService extends CodecService {

    /** The k-NN plug-in's index setting that makes it supply the index's codecs. */
    static final String KNN_INDEX_SETTING = "index.knn";

    private final MapperService mapperService;
    private final Map<String, Codec> wrapped = new ConcurrentHashMap<>();

    /**
     * @param config the index's mapper service, settings and logger
     */
    public ImageVectorCodecService(CodecServiceConfig config) {
        super(config.getMapperService(), config.getIndexSettings(), config.getLogger());
        this.mapperService = config.getMapperService();
    }

    /**
     * @param settings an index's settings
     * @return whether this service should supply the index's codecs: for every index the k-NN plug-in leaves
     */
    public static boolean appliesTo(IndexSettings settings) {
        return !settings.getSettings().getAsBoolean(KNN_INDEX_SETTING, false);
    }

    @Override
    public Codec codec(String name) {
        Codec codec = super.codec(name);
        return mapperService == null ? codec : wrapped.computeIfAbsent(name, n -> new ImageVectorCodec(codec));
    }

    /** A codec with per-field vectors formats for {@code image_vector} fields; see the enclosing class. */
    private final class ImageVectorCodec extends FilterCodec {

        private final KnnVectorsFormat vectors;

        ImageVectorCodec(Codec delegate) {
            super(delegate.getName(), delegate);
            KnnVectorsFormat original = delegate.knnVectorsFormat();
            this.vectors = new PerFieldKnnVectorsFormat() {
                @Override
                public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                    MappedFieldType type = mapperService.fieldType(field);
                    if (type instanceof ImageVectorFieldType image) {
                        return image.vectorsFormat();
                    }
                    return original instanceof PerFieldKnnVectorsFormat perField
                            ? perField.getKnnVectorsFormatForField(field) : original;
                }
            };
        }

        @Override
        public KnnVectorsFormat knnVectorsFormat() {
            return vectors;
        }
    }
}
