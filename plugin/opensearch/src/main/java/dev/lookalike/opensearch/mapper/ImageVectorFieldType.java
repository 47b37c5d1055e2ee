package dev.lookalike.opensearch.mapper;

import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.LookalikeCodec;
import dev.lookalike.search.index.Quantization;
import java.util.Map;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.SourceValueFetcher;
import org.opensearch.index.mapper.TextSearchInfo;
import org.opensearch.index.mapper.ValueFetcher;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.lookup.SearchLookup;

/**
 * The search-side view of an {@code image_vector} field: its dimension, its HNSW graph's similarity and build
 * parameters, and the vectors format the node's codec gives it ({@link #vectorsFormat()}). Only
 * {@code image_knn} and {@code exists} queries apply to it; its values come back from {@code _source}.
 */
public final class ImageVectorFieldType extends MappedFieldType {

    private final IndexSettings settings;
    private final VectorSimilarityFunction similarity;
    private final KnnVectorsFormat vectorsFormat;

    /**
     * @param name       the field's full name
     * @param settings   its dimension, HNSW {@code m} and beam width ({@code ef_construction}) and quantization
     * @param similarity the similarity the HNSW graph is built with
     * @param meta       the mapping's {@code meta}
     */
    public ImageVectorFieldType(String name, IndexSettings settings, VectorSimilarityFunction similarity,
            Map<String, String> meta) {
        super(name, true, false, false, TextSearchInfo.NONE, meta);
        this.settings = settings;
        this.similarity = similarity;
        this.vectorsFormat = LookalikeCodec.vectorsFormat(settings);
    }

    /** @return the vectors' dimension */
    public int dimension() {
        return settings.dimension();
    }

    /** @return the similarity of the HNSW graph */
    public VectorSimilarityFunction similarity() {
        return similarity;
    }

    /** @return how the graph is built and the vectors kept */
    public IndexSettings settings() {
        return settings;
    }

    /** @return whether the vectors are kept int8-quantized for search */
    public boolean quantized() {
        return settings.quantization() == Quantization.INT8;
    }

    /** @return the per-field vectors format that writes this field's HNSW graph, one instance per field type */
    public KnnVectorsFormat vectorsFormat() {
        return vectorsFormat;
    }

    @Override
    public String typeName() {
        return ImageVectorFieldMapper.CONTENT_TYPE;
    }

    @Override
    public ValueFetcher valueFetcher(QueryShardContext context, SearchLookup searchLookup, String format) {
        return SourceValueFetcher.identity(name(), context, format);
    }

    @Override
    public Query existsQuery(QueryShardContext context) {
        return new FieldExistsQuery(name());
    }

    /**
     * @throws IllegalArgumentException always: a vector field has no terms
     */
    @Override
    public Query termQuery(Object value, QueryShardContext context) {
        throw new IllegalArgumentException("field [" + name() + "] of type [" + typeName()
                + "] does not support term queries; search it with an [image_knn] query");
    }
}
