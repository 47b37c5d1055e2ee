package dev.lookalike.solr.update;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.NodeSettings;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.update.processor.UpdateRequestProcessor;
import org.apache.solr.update.processor.UpdateRequestProcessorFactory;
import org.apache.solr.util.plugin.SolrCoreAware;

/**
 * Embeds each document's image into a dense vector field as documents are added, with the node's model:
 * configured in an {@code updateRequestProcessorChain} before {@code DistributedUpdateProcessorFactory}, so that
 * each image is embedded once, on the node that receives it, and the replicas get the vector. Its parameters are
 * {@link ProcessorConfig}'s. When the core loads, the factory reads the model bundle (naming
 * {@code lookalike.model} if it cannot) and checks that {@code outputField} is a {@code DenseVectorField} (or
 * {@code ScalarQuantizedDenseVectorField}) of the model's dimension; otherwise the core fails to load with a
 * message naming the field. With {@code solr.TolerantUpdateProcessorFactory} earlier in the chain, a document
 * whose image is bad fails alone and the rest of the request is indexed.
 */
public class ImageEmbeddingUpdateProcessorFactory extends UpdateRequestProcessorFactory implements SolrCoreAware {

    private ProcessorConfig config;
    private LookalikeNode node;

    /**
     * Reads the parameters.
     *
     * @param args the init args from {@code solrconfig.xml}
     * @throws SolrException naming the parameter if one is unknown, missing or malformed
     */
    @Override
    public void init(NamedList<?> args) {
        super.init(args);
        config = ProcessorConfig.parse(args);
    }

    /**
     * Finds the node's model and checks the schema against it.
     *
     * @param core the core being loaded
     * @throws SolrException naming the setting or field that is wrong
     */
    @Override
    public void inform(SolrCore core) {
        node = LookalikeNode.of(core.getCoreContainer());
        ModelBundle bundle = node.bundle();
        checkSchema(core.getLatestSchema(), config, bundle.spec().embeddingSize());
    }

    /**
     * Checks that the schema can hold what the processor writes.
     *
     * @param schema    the core's schema
     * @param config    the processor's configuration
     * @param dimension the model's embedding size
     * @throws SolrException naming the field if it is missing, not a dense vector field, or of another dimension
     */
    static void checkSchema(IndexSchema schema, ProcessorConfig config, int dimension) {
        SchemaField output = schema.getFieldOrNull(config.outputField());
        if (output == null) {
            throw refused("outputField [" + config.outputField() + "] is not a field of the schema");
        }
        if (!(output.getType() instanceof DenseVectorField vectors)) {
            throw refused("outputField [" + config.outputField() + "] is of type " + output.getType().getTypeName()
                    + ", not a solr.DenseVectorField");
        }
        if (vectors.getDimension() != dimension) {
            throw refused("outputField [" + config.outputField() + "] has vectorDimension " + vectors.getDimension()
                    + " but the model [" + NodeSettings.MODEL + "] makes " + dimension + "-d vectors");
        }
        for (String field : new String[] {config.categoryField(), config.probabilityField(),
                config.removeImage() ? null : config.inputField()}) {
            if (field != null && schema.getFieldOrNull(field) == null) {
                throw refused("field [" + field + "] is not a field of the schema");
            }
        }
    }

    private static SolrException refused(String message) {
        return new SolrException(SolrException.ErrorCode.SERVER_ERROR, "ImageEmbeddingUpdateProcessorFactory: "
                + message);
    }

    @Override
    public UpdateRequestProcessor getInstance(SolrQueryRequest req, SolrQueryResponse rsp,
            UpdateRequestProcessor next) {
        return new ImageEmbeddingUpdateProcessor(config, node, next);
    }
}
