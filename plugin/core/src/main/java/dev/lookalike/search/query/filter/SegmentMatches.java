package dev.lookalike.search.query.filter;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The live documents of one segment that a search's filter keeps: doc-id ranges (a category filter on a segment
 * sorted by category), a bit set (the other filters, intersected), or both, less the excluded documents and the
 * deleted ones. Read-only views: building one copies nothing but the intersection of several bit sets. Not
 * thread-safe (its iterators are not).
 */
public final class SegmentMatches {

    private final int maxDoc;
    /** Sorted, disjoint {@code [start, end)} ranges, or {@code null} for the whole segment. */
    private final int[] starts;
    private final int[] ends;
    private final FixedBitSet bits;
    private final FixedBitSet excluded;
    private final Bits live;
    private final long estimate;
    private final double categoryPass;

    /**
     * @param maxDoc       the segment's number of documents
     * @param starts       range starts, or {@code null} for no range restriction
     * @param ends         range ends (exclusive), as many as {@code starts}
     * @param bits         documents that pass the other filters, or {@code null} for no such restriction
     * @param excluded     documents to leave out, or {@code null}
     * @param live         the segment's live documents, or {@code null} when none is deleted
     * @param estimate     the estimated number of documents kept
     * @param categoryPass the share of the documents the category part keeps that pass the rest too, 0 to 1
     */
    public SegmentMatches(int maxDoc, int[] starts, int[] ends, FixedBitSet bits, FixedBitSet excluded, Bits live,
            long estimate, double categoryPass) {
        this.maxDoc = maxDoc;
        this.starts = starts;
        this.ends = ends;
        this.bits = bits;
        this.excluded = excluded;
        this.live = live;
        this.estimate = estimate;
        this.categoryPass = categoryPass;
    }

    /** @return the estimated number of documents kept (an upper bound up to rounding) */
    public long estimate() {
        return estimate;
    }

    /** @return whether the kept documents lie in doc-id ranges, so that their vectors are read in order */
    public boolean contiguous() {
        return starts != null || bits == null;
    }

    /** @return the share of the category filter's documents the rest of the filter keeps, 1 without others */
    public double categoryPass() {
        return categoryPass;
    }

    /** @return whether the document is kept: O(log ranges) */
    boolean accepts(int doc) {
        if (live != null && !live.get(doc) || excluded != null && excluded.get(doc)
                || bits != null && !bits.get(doc)) {
            return false;
        }
        if (starts == null) {
            return true;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (doc < starts[mid]) {
                hi = mid - 1;
            } else if (doc >= ends[mid]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** @return the kept documents as {@link Bits} over the segment */
    public Bits asBits() {
        return new Bits() {
            @Override
            public boolean get(int index) {
                return accepts(index);
            }

            @Override
            public int length() {
                return maxDoc;
            }
        };
    }

    /** @return a new iterator over the kept documents, in order: ranges walked in order, bit sets by word */
    public DocIdSetIterator iterator() {
        return new DocIdSetIterator() {
            private int doc = -1;
            private int range;

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return advance(doc + 1);
            }

            @Override
            public int advance(int target) {
                int candidate = target;
                while (true) {
                    candidate = nextInRanges(candidate);
                    if (candidate != NO_MORE_DOCS && bits != null) {
                        candidate = bits.nextSetBit(candidate);
                        if (candidate != NO_MORE_DOCS && starts != null && candidate >= ends[range]) {
                            continue;
                        }
                    }
                    if (candidate == NO_MORE_DOCS || (live == null || live.get(candidate))
                            && (excluded == null || !excluded.get(candidate))) {
                        return doc = candidate;
                    }
                    candidate++;
                }
            }

            /** The first document at or after {@code target} inside a range, moving {@code range} forward. */
            private int nextInRanges(int target) {
                if (target >= maxDoc) {
                    return NO_MORE_DOCS;
                }
                if (starts == null) {
                    return target;
                }
                while (range < starts.length && ends[range] <= target) {
                    range++;
                }
                return range == starts.length ? NO_MORE_DOCS : Math.max(target, starts[range]);
            }

            @Override
            public long cost() {
                return estimate;
            }
        };
    }
}
