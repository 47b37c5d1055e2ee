package dev.lookalike.search.index;

/** How the HNSW vector field keeps its vectors for search; the raw floats are always kept as well. */
public enum Quantization {
    /** 32-bit floats: exact scores, 4 bytes a dimension in memory. */
    NONE,
    /** Scalar quantization to int8: about a quarter of the memory, scores slightly approximate. */
    INT8
}
