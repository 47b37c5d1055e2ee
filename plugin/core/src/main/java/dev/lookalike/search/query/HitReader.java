package dev.lookalike.search.query;

import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.query.candidate.Candidate;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/** Turns scored candidates into {@link SearchHit}s from their stored fields. Costs one stored-fields read a hit. */
final class HitReader {

    private final StoredFields stored;

    /**
     * @param searcher the searcher
     * @throws IOException if the index cannot be read
     */
    HitReader(IndexSearcher searcher) throws IOException {
        this.stored = searcher.storedFields();
    }

    /**
     * @param c a scored candidate
     * @return its hit
     * @throws IOException if the index cannot be read
     */
    SearchHit hit(Candidate c) throws IOException {
        Document doc = stored.document(c.doc);
        Map<String, String> fields = new LinkedHashMap<>();
        for (IndexableField f : doc.getFields()) {
            if (f.name().startsWith(IndexSchema.FIELD_PREFIX) && f.stringValue() != null) {
                fields.put(f.name().substring(IndexSchema.FIELD_PREFIX.length()), f.stringValue());
            }
        }
        return new SearchHit(doc.get(IndexSchema.ID), c.score, c.parts, doc.get(IndexSchema.CATEGORY),
                doc.get(IndexSchema.PROXY_CATEGORY), orEmpty(doc.get(IndexSchema.TITLE)),
                orEmpty(doc.get(IndexSchema.DESCRIPTION)), doc.get(IndexSchema.IMAGE), fields);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
