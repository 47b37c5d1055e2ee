package dev.lookalike.search.query.filter;

import dev.lookalike.search.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A search's filter taken apart for the nearest-documents step, once per search: term filters (a
 * {@code TermQuery}, a {@code TermInSetQuery}, a keyword field's set query), whose bit sets per segment come
 * from a {@link FilterBitSetCache} and, on the category field of a segment sorted by category, become doc-id
 * ranges read from the postings in O(values); other required queries, run per segment into a bit set; and
 * excluded queries (a query item's own id). Conjunctions ({@code FILTER}/{@code MUST} clauses of a boolean
 * query without {@code SHOULD} clauses) are taken apart recursively, and so is what a wrapper rewrites to (Solr's
 * {@code WrappedQuery} around an uncached {@code fq}); anything else is a required query as a whole. Not
 * thread-safe; use one per search.
 */
public final class KnnFilter {

    /** One field's accepted values, sorted and distinct. */
    private record TermSet(String field, List<BytesRef> values) {

        /** The distinct values, sorted, each copied. */
        static TermSet of(String field, List<BytesRef> values) {
            TreeSet<BytesRef> distinct = new TreeSet<>();
            values.forEach(v -> distinct.add(BytesRef.deepCopyOf(v)));
            return new TermSet(field, List.copyOf(distinct));
        }
    }

    private final List<TermSet> terms = new ArrayList<>();
    private final List<Weight> required = new ArrayList<>();
    private final List<Weight> excluded = new ArrayList<>();
    private final FilterBitSetCache cache;
    private final boolean present;

    private KnnFilter(IndexSearcher searcher, Query filter, FilterBitSetCache cache) throws IOException {
        this.cache = cache == null ? new FilterBitSetCache(0) : cache;
        this.present = filter != null;
        List<Query> requiredQueries = new ArrayList<>();
        List<Query> excludedQueries = new ArrayList<>();
        if (filter != null) {
            split(searcher, filter, requiredQueries, excludedQueries);
        }
        for (Query q : requiredQueries) {
            required.add(weight(searcher, q));
        }
        for (Query q : excludedQueries) {
            excluded.add(weight(searcher, q));
        }
    }

    /**
     * @param searcher the searcher the filter's queries run on
     * @param filter   the filter, or {@code null} for none
     * @param cache    where term filters' bit sets are kept, or {@code null} to build them every time
     * @return the filter, ready for {@link #matches}
     * @throws IOException if a query cannot be rewritten
     */
    public static KnnFilter of(IndexSearcher searcher, Query filter, FilterBitSetCache cache) throws IOException {
        return new KnnFilter(searcher, filter, cache);
    }

    /** @return whether there is a filter at all */
    public boolean present() {
        return present;
    }

    /**
     * @return the categories the filter keeps (the intersection of its category term sets), or {@code null} when
     *         it does not filter on category
     */
    public Set<String> categories() {
        Set<String> kept = null;
        for (TermSet set : terms) {
            if (set.field.equals(IndexSchema.CATEGORY)) {
                Set<String> these = new TreeSet<>();
                set.values.forEach(v -> these.add(v.utf8ToString()));
                if (kept == null) {
                    kept = these;
                } else {
                    kept.retainAll(these);
                }
            }
        }
        return kept;
    }

    /**
     * The segment's live documents the filter keeps. Costs O(values) for a range, a cache look-up or
     * O(matches) per other term filter, O(matches) per other query, and O(maxDoc / 64) per intersection.
     *
     * @param leaf a segment
     * @return its matches
     * @throws IOException if the segment cannot be read
     */
    public SegmentMatches matches(LeafReaderContext leaf) throws IOException {
        LeafReader reader = leaf.reader();
        int maxDoc = reader.maxDoc();
        double liveShare = maxDoc == 0 ? 0 : (double) reader.numDocs() / maxDoc;
        int[][] ranges = null;
        long rangeSize = maxDoc;
        FixedBitSet bits = null;
        boolean bitsShared = false;
        long categoryCount = -1;
        boolean sorted = sortedByCategory(reader);
        for (TermSet set : terms) {
            if (sorted && ranges == null && set.field.equals(IndexSchema.CATEGORY)) {
                ranges = ranges(reader, set.values);
                rangeSize = 0;
                for (int i = 0; i < ranges[0].length; i++) {
                    rangeSize += ranges[1][i] - ranges[0][i];
                }
                categoryCount = rangeSize;
                continue;
            }
            FilterBitSetCache.Matches found = cache.matches(reader, set.field, set.values);
            if (set.field.equals(IndexSchema.CATEGORY) && categoryCount < 0) {
                categoryCount = found.cardinality();
            }
            if (bits == null) {
                bits = found.bits();
                bitsShared = true;
            } else {
                bits = bitsShared ? bits.clone() : bits;
                bitsShared = false;
                bits.and(found.bits());
            }
        }
        for (Weight weight : required) {
            FixedBitSet these = run(weight, leaf, maxDoc);
            if (bits == null) {
                bits = these;
            } else {
                these.and(bits);
                bits = these;
            }
            bitsShared = false;
        }
        FixedBitSet out = null;
        for (Weight weight : excluded) {
            FixedBitSet these = run(weight, leaf, maxDoc);
            if (out == null) {
                out = these;
            } else {
                out.or(these);
            }
        }
        long kept = bits == null ? rangeSize
                : ranges == null ? bits.cardinality() : Math.round(rangeSize * (double) bits.cardinality() / maxDoc);
        double categoryPass = categoryCount <= 0 ? 1 : Math.min(1, (double) kept / categoryCount);
        long estimate = Math.round(kept * liveShare);
        return new SegmentMatches(maxDoc, ranges == null ? null : ranges[0], ranges == null ? null : ranges[1],
                bits, out, reader.getLiveDocs(), estimate, categoryPass);
    }

    /**
     * Whether every document of the segment is in the category's run: the segment's index sort starts with the
     * category field, and every document has at most one category (a second would break the runs).
     */
    static boolean sortedByCategory(LeafReader reader) throws IOException {
        Sort sort = reader.getMetaData().sort();
        if (sort == null || sort.getSort().length == 0) {
            return false;
        }
        SortField first = sort.getSort()[0];
        return IndexSchema.CATEGORY.equals(first.getField())
                && DocValues.unwrapSingleton(DocValues.getSortedSet(reader, IndexSchema.CATEGORY)) != null;
    }

    /**
     * Each value's run in a sorted segment: from its first posting, as long as its document frequency (both
     * count deleted documents, so the run is exact). Runs of values adjacent in sort order are merged.
     */
    private static int[][] ranges(LeafReader reader, List<BytesRef> values) throws IOException {
        List<int[]> runs = new ArrayList<>();
        Terms field = reader.terms(IndexSchema.CATEGORY);
        if (field != null) {
            TermsEnum termsEnum = field.iterator();
            PostingsEnum postings = null;
            for (BytesRef value : values) {
                if (termsEnum.seekExact(value)) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    int first = postings.nextDoc();
                    runs.add(new int[] {first, first + termsEnum.docFreq()});
                }
            }
        }
        runs.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] run : runs) {
            if (!merged.isEmpty() && merged.getLast()[1] >= run[0]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], run[1]);
            } else {
                merged.add(run);
            }
        }
        int[][] out = new int[2][merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            out[0][i] = merged.get(i)[0];
            out[1][i] = merged.get(i)[1];
        }
        return out;
    }

    private static FixedBitSet run(Weight weight, LeafReaderContext leaf, int maxDoc) throws IOException {
        FixedBitSet bits = new FixedBitSet(maxDoc);
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            bits.or(scorer.iterator());
        }
        return bits;
    }

    private static Weight weight(IndexSearcher searcher, Query q) throws IOException {
        // Straight from the query, not through the searcher's cache: the term parts have their own cache.
        return searcher.rewrite(q).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    private void split(IndexSearcher searcher, Query q, List<Query> requiredQueries, List<Query> excludedQueries)
            throws IOException {
        TermSet read = termsOf(q);
        if (read != null) {
            terms.add(read);
            return;
        }
        switch (q) {
            case MatchAllDocsQuery all -> {
            }
            case IndexOrDocValuesQuery either -> split(searcher, either.getIndexQuery(), requiredQueries,
                    excludedQueries);
            case ConstantScoreQuery constant -> split(searcher, constant.getQuery(), requiredQueries, excludedQueries);
            // A filter's score does not count: a boost (Lucene's rewrite of a lone FILTER clause) changes nothing.
            case BoostQuery boost -> split(searcher, boost.getQuery(), requiredQueries, excludedQueries);
            case BooleanQuery bool when isConjunction(bool) -> {
                for (BooleanClause clause : bool.clauses()) {
                    if (clause.occur() == BooleanClause.Occur.MUST_NOT) {
                        excludedQueries.add(clause.query());
                    } else {
                        split(searcher, clause.query(), requiredQueries, excludedQueries);
                    }
                }
            }
            default -> {
                // An engine's wrapper (Solr's WrappedQuery around an uncached fq) rewrites to the query it wraps:
                // taken apart in turn, a term filter inside it still becomes a term set (a range when sorted).
                Query rewritten = searcher.rewrite(q);
                if (rewritten.equals(q)) {
                    requiredQueries.add(q);
                } else {
                    split(searcher, rewritten, requiredQueries, excludedQueries);
                }
            }
        }
    }

    /**
     * Whether {@link #of} reads this filter from term postings itself: a term or term-set query on one field,
     * possibly inside a constant-score, boost or index-or-doc-values wrapper. Costs O(depth + terms).
     *
     * @param q a filter query
     * @return whether its matches are read from term postings (and cached, or read as category runs)
     */
    public static boolean readsFromTerms(Query q) {
        return termsOf(q) != null;
    }

    /** The terms a filter of {@link #readsFromTerms} shape matches, or null for any other filter. */
    private static TermSet termsOf(Query q) {
        return switch (q) {
            case TermQuery term -> TermSet.of(term.getTerm().field(), List.of(term.getTerm().bytes()));
            case TermInSetQuery set -> {
                List<BytesRef> values = new ArrayList<>();
                try {
                    BytesRefIterator it = set.getBytesRefIterator();
                    for (BytesRef v = it.next(); v != null; v = it.next()) {
                        // The iterator reuses its BytesRef: without a copy every value would end up the last.
                        values.add(BytesRef.deepCopyOf(v));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield TermSet.of(set.getField(), values);
            }
            case IndexOrDocValuesQuery either -> termsOf(either.getIndexQuery());
            case ConstantScoreQuery constant -> termsOf(constant.getQuery());
            case BoostQuery boost -> termsOf(boost.getQuery());
            default -> null;
        };
    }

    private static boolean isConjunction(BooleanQuery bool) {
        return bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().noneMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)
                && bool.clauses().stream().anyMatch(c -> c.occur() != BooleanClause.Occur.MUST_NOT);
    }
}
