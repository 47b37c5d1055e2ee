package dev.lookalike.solr.update;

import org.apache.solr.common.SolrException;
import org.apache.solr.common.ToleratedUpdateError;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.update.SolrCmdDistributor;
import org.apache.solr.update.processor.DistributedUpdateProcessor.DistributedUpdatesAsyncException;

/**
 * Keeps an update request from being acknowledged for documents that were not indexed. When a document forwarded
 * to its shard's leader fails without the leader's own per-document error (the leader's node died, the connection
 * was refused), {@code TolerantUpdateProcessorFactory} finds no document id to report, logs a warning and answers
 * the request 200 as if every document had gone in. This class turns such a failure into a failure of the whole
 * request, which a client retries (documents are replaced by id, so a retry is safe), while failures that do name
 * their documents go on to the tolerant processor as they came.
 */
final class ForwardedUpdateErrors {

    private ForwardedUpdateErrors() {
    }

    /**
     * @param failure what {@code DistributedUpdateProcessor} threw at the end of the request
     * @return {@code failure} itself when each of its errors names its documents, else a 503 that fails the request
     */
    static SolrException requireDocumentErrors(DistributedUpdatesAsyncException failure) {
        int untracked = 0;
        StringBuilder reasons = new StringBuilder();
        for (SolrCmdDistributor.SolrError error : failure.errors) {
            if (!namesDocuments(error.e)) {
                untracked++;
                if (reasons.length() < 500) {
                    reasons.append(reasons.length() == 0 ? "" : "; ").append(error.e);
                }
            }
        }
        if (untracked == 0) {
            return failure;
        }
        return new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, untracked + " forwarded update(s) "
                + "failed without naming their documents (a shard leader may have gone down), so this request is "
                + "failed rather than acknowledged for documents that may not be indexed; retry it: " + reasons,
                failure);
    }

    private static boolean namesDocuments(Exception e) {
        if (!(e instanceof SolrException remote) || remote.getMetadata() == null) {
            return false;
        }
        NamedList<String> metadata = remote.getMetadata();
        for (int i = 0; i < metadata.size(); i++) {
            if (ToleratedUpdateError.parseMetadataIfToleratedUpdateError(metadata.getName(i), metadata.getVal(i))
                    != null) {
                return true;
            }
        }
        return false;
    }
}
