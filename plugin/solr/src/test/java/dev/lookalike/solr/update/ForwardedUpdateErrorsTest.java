package dev.lookalike.solr.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.ToleratedUpdateError;
import org.apache.solr.common.ToleratedUpdateError.CmdType;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.update.SolrCmdDistributor;
import org.apache.solr.update.processor.DistributedUpdateProcessor.DistributedUpdatesAsyncException;
import org.junit.jupiter.api.Test;

class ForwardedUpdateErrorsTest {

    private static SolrCmdDistributor.SolrError error(Exception e) {
        SolrCmdDistributor.SolrError error = new SolrCmdDistributor.SolrError();
        error.e = e;
        error.statusCode = 500;
        return error;
    }

    private static SolrException namingDocument(String id) {
        SolrException remote = new SolrException(SolrException.ErrorCode.BAD_REQUEST, "bad document " + id);
        ToleratedUpdateError tolerated = new ToleratedUpdateError(CmdType.ADD, id, "bad document");
        NamedList<String> metadata = new NamedList<>();
        metadata.add(tolerated.getMetadataKey(), tolerated.getMetadataValue());
        remote.setMetadata(metadata);
        return remote;
    }

    @Test
    void errorsThatNameTheirDocumentsGoToTheTolerantProcessorAsTheyCame() {
        DistributedUpdatesAsyncException failure = new DistributedUpdatesAsyncException(
                List.of(error(namingDocument("a")), error(namingDocument("b"))));
        assertSame(failure, ForwardedUpdateErrors.requireDocumentErrors(failure));
    }

    @Test
    void aForwardThatFailedWithoutNamingItsDocumentsFailsTheRequest() {
        DistributedUpdatesAsyncException failure = new DistributedUpdatesAsyncException(List.of(
                error(namingDocument("a")), error(new ConnectException("Connection refused: 127.0.0.1:8984"))));
        SolrException failed = ForwardedUpdateErrors.requireDocumentErrors(failure);
        assertEquals(503, failed.code());
        assertTrue(!(failed instanceof DistributedUpdatesAsyncException), "the tolerant processor must not catch it");
        assertTrue(failed.getMessage().contains("1 forwarded update(s)"), failed.getMessage());
        assertTrue(failed.getMessage().contains("Connection refused"), failed.getMessage());
    }
}
