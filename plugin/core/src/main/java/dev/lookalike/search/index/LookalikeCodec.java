package dev.lookalike.search.index;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Lucene's default codec with the vector field's HNSW parameters and quantization taken from
 * {@link IndexSettings}. Only writing needs it: the per-field vectors format records its own name in the
 * segment, so any reader with Lucene's default codecs on the class path opens the index. When there is more
 * than one merge worker, the format gets no executor of its own and so uses the merge scheduler's intra-merge
 * executor, whose threads the {@link org.apache.lucene.index.IndexWriter} owns and stops.
 */
public final class LookalikeCodec extends Lucene103Codec {

    private static final int INT8_BITS = 7;

    private final KnnVectorsFormat vectors;

    /**
     * @param settings the vector field's settings
     */
    public LookalikeCodec(IndexSettings settings) {
        this.vectors = vectorsFormat(settings);
    }

    /**
     * The HNSW vectors format that the settings describe, for this codec and for engine adapters whose codecs
     * give a vector field its own format.
     *
     * @param settings the vector field's settings
     * @return an HNSW format with the settings' {@code m}, beam width, merge workers and quantization
     */
    public static KnnVectorsFormat vectorsFormat(IndexSettings settings) {
        return settings.quantization() == Quantization.INT8
                ? new Lucene99HnswScalarQuantizedVectorsFormat(settings.hnswM(), settings.beamWidth(),
                        settings.mergeWorkers(), INT8_BITS, false, null, null)
                : new Lucene99HnswVectorsFormat(settings.hnswM(), settings.beamWidth(), settings.mergeWorkers(), null);
    }

    /**
     * @param field a field name
     * @return the configured HNSW format for the vector field, Lucene's default for any other
     */
    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return IndexSchema.VECTOR.equals(field) ? vectors : super.getKnnVectorsFormatForField(field);
    }
}
