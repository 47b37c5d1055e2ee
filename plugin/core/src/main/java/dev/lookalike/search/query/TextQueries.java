package dev.lookalike.search.query;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries on the title and description from plain text, analysed as the index analysed them.
 * No query syntax is parsed, so user text can neither fail to parse nor reach other fields. Costs O(text
 * length).
 */
final class TextQueries {

    /** The most distinct words a text query searches, well within Lucene's clause limit. */
    static final int MAX_WORDS = 256;

    private TextQueries() {
    }

    /**
     * @param input how the text is named in an error
     * @param text  the text
     * @return a query scoring by BM25 any document with any of the words in title or description
     * @throws SearchInputException if the text has no searchable word
     */
    static Query anyWord(String input, String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words(input, text)) {
            for (String field : List.of(IndexSchema.TITLE, IndexSchema.DESCRIPTION)) {
                query.add(new TermQuery(new Term(field, word)), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /**
     * @param input how the text is named in an error
     * @param text  the text
     * @return a query matching documents with every word in the title or the description
     * @throws SearchInputException if the text has no searchable word
     */
    static Query everyWord(String input, String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words(input, text)) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            for (String field : List.of(IndexSchema.TITLE, IndexSchema.DESCRIPTION)) {
                either.add(new TermQuery(new Term(field, word)), BooleanClause.Occur.SHOULD);
            }
            query.add(either.build(), BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    private static List<String> words(String input, String text) {
        if (text == null) {
            throw new SearchInputException(input, "is missing");
        }
        Set<String> words = new LinkedHashSet<>();
        try (Analyzer analyzer = IndexSchema.newAnalyzer();
                TokenStream tokens = analyzer.tokenStream(IndexSchema.TITLE, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        if (words.isEmpty()) {
            throw new SearchInputException(input, "'" + text + "' has no searchable word");
        }
        if (words.size() > MAX_WORDS) {
            throw new SearchInputException(input, "has " + words.size() + " words; at most "
                    + MAX_WORDS + " are searched");
        }
        return new ArrayList<>(words);
    }
}
