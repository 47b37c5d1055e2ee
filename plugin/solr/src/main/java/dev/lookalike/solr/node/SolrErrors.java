package dev.lookalike.solr.node;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.PixelBudgetExceededException;
import dev.lookalike.search.SearchInputException;
import org.apache.solr.common.SolrException;

/**
 * Turns failures into the {@link SolrException}s Solr answers with: the analyzer's and the search core's bad-input
 * exceptions become 400 with their message (which already names the input), an image beyond the node's in-flight
 * budget 429, a {@link SolrException} stays as it is, anything else is a 500.
 */
public final class SolrErrors {

    private SolrErrors() {
    }

    /**
     * @param message what is wrong; names the parameter or field and the value
     * @return a 400 Bad Request
     */
    public static SolrException badRequest(String message) {
        return new SolrException(SolrException.ErrorCode.BAD_REQUEST, message);
    }

    /**
     * @param failure any failure
     * @return the Solr exception to throw for it
     */
    public static SolrException of(Throwable failure) {
        if (failure instanceof SolrException solr) {
            return solr;
        }
        if (failure instanceof PixelBudgetExceededException busy) {
            return new SolrException(SolrException.ErrorCode.TOO_MANY_REQUESTS, busy.getMessage() + " ["
                    + NodeSettings.MAX_INFLIGHT_IMAGE_BYTES + "]", busy);
        }
        if (failure instanceof AnalyzerInputException || failure instanceof SearchInputException) {
            return new SolrException(SolrException.ErrorCode.BAD_REQUEST, failure.getMessage(), failure);
        }
        return new SolrException(SolrException.ErrorCode.SERVER_ERROR, String.valueOf(failure.getMessage()), failure);
    }
}
