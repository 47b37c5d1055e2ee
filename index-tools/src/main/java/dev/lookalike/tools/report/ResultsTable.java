package dev.lookalike.tools.report;

import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.tools.search.QueryInput;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one query's results as a readable table: rank, score and its parts, category, id, title. */
public final class ResultsTable {

    private static final int TITLE_WIDTH = 40;

    private ResultsTable() {
    }

    /**
     * @param out     where to print
     * @param query   the query
     * @param results its results
     */
    public static void print(PrintWriter out, QueryInput query, SearchResults results) {
        out.print("query: " + query.describe());
        if (results.queryCategory() != null) {
            out.printf(Locale.ROOT, "  predicted: %s (%.3f)", results.queryCategory().category(),
                    results.queryCategory().probability());
        }
        out.printf(Locale.ROOT, "  %d result(s) of %d candidate(s)%n", results.hits().size(), results.candidates());
        out.printf(Locale.ROOT, "%4s  %7s  %7s  %7s  %7s  %-16s  %-16s  %s%n",
                "rank", "score", "cosine", "proxy", "text", "category", "id", "title");
        int rank = 0;
        for (SearchHit hit : results.hits()) {
            out.printf(Locale.ROOT, "%4d  %7.4f  %7.4f  %7s  %7s  %-16s  %-16s  %s%n", ++rank, hit.score(),
                    hit.parts().similarity(), part(hit.parts().agreement()), part(hit.parts().text()),
                    hit.category() == null ? "-" : hit.category(), hit.id(), shorten(hit.title()));
        }
        out.println();
    }

    private static String part(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String shorten(String title) {
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 1) + "…";
    }
}
