package dev.lookalike.tools.bench.soak;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a soak's client threads do, each a request to the node. All but {@link #PROXY_REFRESH} are drawn at random
 * by their weight; a proxy refresh runs on a schedule instead, so that even a short soak has some.
 */
public enum SoakOperation {
    /** A bulk request of new documents with images, through the {@code image_embedding} pipeline. */
    INGEST(Group.WRITE, 20),
    /** A change to an existing document: a partial update, or a rewrite with a new image through the pipeline. */
    UPDATE(Group.WRITE, 15),
    /** A delete of an existing document. */
    DELETE(Group.WRITE, 5),
    /** {@code image_knn} by a base64 image, with a category filter and proxy re-ranking. */
    SEARCH_BY_IMAGE(Group.SEARCH, 15),
    /** {@code image_knn} by a vector, with a text filter and weighted re-ranking. */
    SEARCH_BY_VECTOR(Group.SEARCH, 30),
    /** {@code image_knn} like an indexed document, with a {@code bool} filter and proxy re-ranking. */
    SEARCH_LIKE(Group.SEARCH, 15),
    /** A refresh of the index's catalogue proxies from its documents' categories. */
    PROXY_REFRESH(Group.REFRESH, 0);

    /** Which latency series an operation counts in. */
    public enum Group {
        /** Document writes. */
        WRITE,
        /** Searches. */
        SEARCH,
        /** Catalogue-proxy refreshes: seconds each, kept out of both series. */
        REFRESH
    }

    private static final int TOTAL_WEIGHT = totalWeight();

    private final Group group;
    private final int weight;

    SoakOperation(Group group, int weight) {
        this.group = group;
        this.weight = weight;
    }

    /** @return which latency series it counts in */
    public Group group() {
        return group;
    }

    /** @return its name in reports, e.g. {@code search_by_image} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param random the thread's random numbers
     * @return an operation drawn by weight (never {@link #PROXY_REFRESH})
     */
    static SoakOperation draw(SplittableRandom random) {
        int r = random.nextInt(TOTAL_WEIGHT);
        for (SoakOperation op : values()) {
            r -= op.weight;
            if (r < 0) {
                return op;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    private static int totalWeight() {
        int total = 0;
        for (SoakOperation op : values()) {
            total += op.weight;
        }
        return total;
    }
}
