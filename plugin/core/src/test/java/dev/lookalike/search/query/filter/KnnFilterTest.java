package dev.lookalike.search.query.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lookalike.search.index.IndexSchema;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class KnnFilterTest {

    /** A query an engine wraps another in, as Solr's {@code WrappedQuery} does an uncached fq: it rewrites to it. */
    private static final class Wrapper extends Query {

        private final Query inner;

        Wrapper(Query inner) {
            this.inner = inner;
        }

        @Override
        public Query rewrite(IndexSearcher searcher) {
            return inner;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            inner.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
        }

        @Override
        public String toString(String field) {
            return "wrapped(" + inner.toString(field) + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Wrapper w && w.inner.equals(inner);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Wrapper.class, inner);
        }
    }

    private static Set<String> categoriesOf(Query filter) throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                for (String category : new String[] {"Sandal", "Bag"}) {
                    Document doc = new Document();
                    doc.add(new StringField(IndexSchema.CATEGORY, category, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return KnnFilter.of(new IndexSearcher(reader), filter, null).categories();
            }
        }
    }

    @Test
    void aCategoryTermInsideAWrapperIsStillACategoryFilter() throws IOException {
        Query sandal = new TermQuery(new Term(IndexSchema.CATEGORY, "Sandal"));
        assertEquals(Set.of("Sandal"), categoriesOf(new Wrapper(sandal)));
        // Solr combines uncached fqs as FILTER clauses of a boolean query, each wrapped.
        Query combined = new BooleanQuery.Builder().add(new Wrapper(sandal), BooleanClause.Occur.FILTER).build();
        assertEquals(Set.of("Sandal"), categoriesOf(combined));
    }

    @Test
    void aTermSetFilterKeepsEveryOneOfItsCategories() throws IOException {
        // A term-set query hands its values out through one reused BytesRef.
        Query both = new TermInSetQuery(IndexSchema.CATEGORY, List.of(new BytesRef("Sandal"), new BytesRef("Bag")));
        assertEquals(Set.of("Sandal", "Bag"), categoriesOf(both));
    }

    @Test
    void aQueryThatRewritesToNoTermStaysARequiredQuery() throws IOException {
        assertNull(categoriesOf(new Wrapper(new WildcardQuery(new Term(IndexSchema.TITLE, "str*")))));
        assertNull(categoriesOf(new WildcardQuery(new Term(IndexSchema.CATEGORY, "San*"))));
    }
}
