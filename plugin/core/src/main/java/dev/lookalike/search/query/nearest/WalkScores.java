package dev.lookalike.search.query.nearest;

import java.util.Set;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsReader;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Whether a segment's HNSW walk scores its hits with the exact similarity of the raw vectors, so that a
 * candidate's cosine can be taken from its walk score instead of reading its vector again: true where the
 * field's graph is searched over raw float vectors (no quantization) with the dot-product or cosine
 * similarity, whose score is {@code (1 + cosine) / 2}. Anything this cannot see into (a reader of an unknown
 * kind, a quantized or unknown vectors format) counts as not exact, and the vector is read. Costs a few type
 * checks per segment.
 */
final class WalkScores {

    private static final Set<String> RAW_FILES = Set.of("vec", "vex");

    private WalkScores() {
    }

    /**
     * @param reader a segment's reader, possibly wrapped by the engine
     * @param field  the vector field
     * @return whether the walk's scores are exact
     */
    static boolean exact(LeafReader reader, String field) {
        FieldInfo info = reader.getFieldInfos().fieldInfo(field);
        if (info == null || (info.getVectorSimilarityFunction() != VectorSimilarityFunction.DOT_PRODUCT
                && info.getVectorSimilarityFunction() != VectorSimilarityFunction.COSINE)) {
            return false;
        }
        LeafReader unwrapped = FilterLeafReader.unwrap(reader);
        if (!(unwrapped instanceof CodecReader codecReader)) {
            return false;
        }
        KnnVectorsReader vectors = FilterCodecReader.unwrap(codecReader).getVectorReader();
        if (vectors instanceof PerFieldKnnVectorsFormat.FieldsReader perField) {
            vectors = perField.getFieldReader(field);
        }
        // Lucene's HNSW reader over its plain flat format keeps only raw vectors (.vec) and the graph (.vex);
        // its quantized formats add their own files (.veq scalar, .veb binary).
        return vectors instanceof Lucene99HnswVectorsReader hnsw
                && RAW_FILES.containsAll(hnsw.getOffHeapByteSize(info).keySet());
    }

    /**
     * @param score a dot-product or cosine similarity score, {@code (1 + cosine) / 2}
     * @return the cosine
     */
    static double cosine(float score) {
        return 2.0 * score - 1.0;
    }
}
