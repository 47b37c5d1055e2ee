package dev.lookalike.search.proxy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.lucene.util.BytesRef;

/**
 * The byte form of a distribution kept in an item's binary doc values: the proxies' generation (8 bytes) then
 * one little-endian float per category. 4 bytes a category: 200 bytes for 48 categories. Costs O(categories).
 */
public final class StoredDistribution {

    private StoredDistribution() {
    }

    /**
     * @param generation   the proxies' generation
     * @param distribution the distribution
     * @return its bytes
     */
    public static BytesRef encode(long generation, float[] distribution) {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + Float.BYTES * distribution.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(generation);
        for (float p : distribution) {
            buffer.putFloat(p);
        }
        return new BytesRef(buffer.array());
    }

    /**
     * @param bytes bytes written by {@link #encode}
     * @return the generation they were computed with
     */
    public static long generation(BytesRef bytes) {
        return ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /**
     * @param bytes bytes written by {@link #encode}
     * @return the distribution
     */
    public static float[] distribution(BytesRef bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.getLong();
        float[] out = new float[buffer.remaining() / Float.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer.getFloat();
        }
        return out;
    }
}
