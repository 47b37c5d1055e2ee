package dev.lookalike.solr.update;

import dev.lookalike.analyzer.image.ImageBase64;
import dev.lookalike.analyzer.model.EmbeddedImage;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.SolrErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.CommitUpdateCommand;
import org.apache.solr.update.DeleteUpdateCommand;
import org.apache.solr.update.MergeIndexesCommand;
import org.apache.solr.update.RollbackUpdateCommand;
import org.apache.solr.update.processor.DistributedUpdateProcessor.DistributedUpdatesAsyncException;
import org.apache.solr.update.processor.UpdateRequestProcessor;

/**
 * One update request's pass through {@link ImageEmbeddingUpdateProcessorFactory}. Each added document's image is
 * loaded, checked and decoded as it arrives (so that a bad image fails its own document, with its id and the
 * field in the message, where {@code TolerantUpdateProcessor} attributes it); the decoded images then wait in an
 * {@link ImageBatch} and go through the network {@code batchSize} at a time, after which their documents, with the
 * vector and prediction written, are passed on in the order they came. A delete, commit, rollback or merge, and
 * the end of the request, first pass on every waiting document. Work runs on the node's inference pool, or on the
 * request's thread when the pool's queue is full. A document that arrives with a vector in the output field (one
 * computed offline by {@code lookalike index --format solr}) is passed on as it came, without embedding. A
 * request whose forwarded documents failed without naming them fails as a whole ({@link ForwardedUpdateErrors}).
 *
 * <p>Because documents are passed on in batches, an error of a later processor about a waiting document surfaces
 * while the document that filled the batch is processed; such errors (a schema violation, say) are not about the
 * image, and the message still names the document's id.
 */
final class ImageEmbeddingUpdateProcessor extends UpdateRequestProcessor {

    private final ProcessorConfig config;
    private final LookalikeNode node;
    private final ImageBatch<AddUpdateCommand> batch;

    ImageEmbeddingUpdateProcessor(ProcessorConfig config, LookalikeNode node, UpdateRequestProcessor next) {
        super(next);
        this.config = config;
        this.node = node;
        this.batch = new ImageBatch<>(config.batchSize());
    }

    @Override
    public void processAdd(AddUpdateCommand cmd) throws IOException {
        SolrInputDocument doc = cmd.getSolrInputDocument();
        String name = "document [" + cmd.getPrintableId() + "] field [" + config.inputField() + "]";
        Object value = doc.getFieldValue(config.inputField());
        // A vector computed offline (lookalike index --format solr) is the catalogue's own: kept as it came.
        boolean precomputed = doc.getFieldValue(config.outputField()) != null;
        float[] input = null;
        if (value == null && !precomputed && !config.ignoreMissing()) {
            throw SolrErrors.badRequest(name + " is missing; set ignoreMissing to index such documents "
                    + "without a vector");
        }
        if (value != null && !precomputed) {
            if (doc.getFieldValues(config.inputField()).size() != 1 || !(value instanceof String text)
                    || text.isBlank()) {
                throw SolrErrors.badRequest(name + " must hold one " + config.source() + " string, got " + value);
            }
            input = node.pool().callOrRunHere(() -> node.embedder().prepare(load(text, name), name));
        }
        // The loader may reuse its command for the next document: keep a copy of this one.
        if (batch.add((AddUpdateCommand) cmd.clone(), input)) {
            flush();
        }
    }

    private byte[] load(String text, String name) throws Exception {
        return switch (config.source()) {
            case BASE64 -> ImageBase64.decode(text, name, node.settings().limits().maxBytes());
            case FILE -> node.files().read(text.strip(), name);
            case URL -> node.urls().fetch(text.strip(), name);
        };
    }

    private void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        batch.drain(inputs -> node.pool().callOrRunHere(() -> node.embedder().embedPrepared(inputs)),
                (cmd, embedded) -> {
                    if (embedded != null) {
                        write(cmd.getSolrInputDocument(), embedded);
                    }
                    try {
                        super.processAdd(cmd);
                    } catch (SolrException e) {
                        throw new SolrException(SolrException.ErrorCode.getErrorCode(e.code()), "document ["
                                + cmd.getPrintableId() + "]: " + e.getMessage(), e);
                    }
                });
    }

    private void write(SolrInputDocument doc, EmbeddedImage embedded) {
        List<Float> vector = new ArrayList<>(embedded.vector().length);
        for (float x : embedded.vector()) {
            vector.add(x);
        }
        doc.setField(config.outputField(), vector);
        if (config.categoryField() != null) {
            doc.setField(config.categoryField(), embedded.predicted().name());
        }
        if (config.probabilityField() != null) {
            doc.setField(config.probabilityField(), embedded.predicted().probability());
        }
        if (config.removeImage()) {
            doc.removeField(config.inputField());
        }
    }

    @Override
    public void processDelete(DeleteUpdateCommand cmd) throws IOException {
        flush();
        super.processDelete(cmd);
    }

    @Override
    public void processCommit(CommitUpdateCommand cmd) throws IOException {
        flush();
        super.processCommit(cmd);
    }

    @Override
    public void processRollback(RollbackUpdateCommand cmd) throws IOException {
        flush();
        super.processRollback(cmd);
    }

    @Override
    public void processMergeIndexes(MergeIndexesCommand cmd) throws IOException {
        flush();
        super.processMergeIndexes(cmd);
    }

    @Override
    public void finish() throws IOException {
        flush();
        try {
            super.finish();
        } catch (DistributedUpdatesAsyncException e) {
            throw ForwardedUpdateErrors.requireDocumentErrors(e);
        }
    }
}
