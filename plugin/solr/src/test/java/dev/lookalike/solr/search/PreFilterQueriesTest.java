package dev.lookalike.solr.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.search.WrappedQuery;
import org.junit.jupiter.api.Test;

class PreFilterQueriesTest {

    private static final Query SANDAL = new TermQuery(new Term("category", "Sandal"));
    private static final Query RANGE = TermRangeQuery.newStringRange("title", "a", "m", true, true);
    /** What Solr's filter cache hands back in this test: a stand-in for a cached document set. */
    private static final Query CACHED = new MatchNoDocsQuery("cached document set");

    /** Records what went through Solr's filter cache. */
    private final List<List<Query>> processed = new ArrayList<>();

    private Query combine(Query... chosen) throws IOException {
        return PreFilterQueries.combine(List.of(chosen), filters -> {
            processed.add(filters);
            return CACHED;
        });
    }

    @Test
    void aCategoryFilterReachesTheCoreAsItsTermQueryNotAsACachedSet() throws IOException {
        assertSame(SANDAL, combine(SANDAL));
        Query tagged = new WrappedQuery(SANDAL);
        assertSame(tagged, combine(tagged), "a tagged or uncached fq comes wrapped and is still a term filter");
        Query either = new TermInSetQuery("category", List.of(new BytesRef("Bag"), new BytesRef("Sandal")));
        assertSame(either, combine(either));
        assertEquals(List.of(), processed, "nothing went through the filter cache");
    }

    @Test
    void otherFiltersGoThroughSolrsFilterCacheTogether() throws IOException {
        Query wildcard = new WrappedQuery(RANGE);
        assertSame(CACHED, combine(RANGE, wildcard));
        assertEquals(List.of(List.of(RANGE, wildcard)), processed);
    }

    @Test
    void bothKindsAreRequiredTogether() throws IOException {
        Query both = combine(RANGE, SANDAL);
        BooleanQuery expected = new BooleanQuery.Builder().add(SANDAL, BooleanClause.Occur.FILTER)
                .add(CACHED, BooleanClause.Occur.FILTER).build();
        assertEquals(expected, both);
        assertEquals(List.of(List.of(RANGE)), processed);
    }

    @Test
    void noFilterIsNoFilter() throws IOException {
        assertNull(combine());
        assertNull(PreFilterQueries.combine(List.of(RANGE), filters -> null), "Solr found nothing to filter");
    }
}
