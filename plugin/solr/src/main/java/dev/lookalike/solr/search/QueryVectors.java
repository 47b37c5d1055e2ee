package dev.lookalike.solr.search;

import dev.lookalike.analyzer.image.ImageBase64;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.SolrErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.MapSolrParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.QParser;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * Finds the vector of an {@code {!image_knn}} query that gives an image or a {@code like} document, once per
 * request: the node that receives the request embeds the image (on the inference pool; 429 when its queue is
 * full) or reads the document's vector (in SolrCloud by a real-time get on the collection, so the document may
 * live on any shard; on a single node from the local index), and puts the vector into the request's parameters
 * under a key derived from the source. The shard requests copy those parameters, so shards use the vector
 * rather than embedding or looking up again; a shard that lacks it resolves the source itself.
 */
final class QueryVectors {

    /** The prefix of the request parameters that carry resolved vectors to the shards. */
    static final String PARAM_PREFIX = "lookalike.vector.";

    private QueryVectors() {
    }

    /**
     * @param parser  the parser, whose request gets the resolved vector
     * @param options the query's options, with an image or a {@code like} id
     * @param node    the node's model and pool
     * @return the raw vector (not yet normalised)
     * @throws SolrException 400 for a bad image or a missing document, 429 when the pool is full
     */
    static float[] resolve(QParser parser, ImageKnnOptions options, LookalikeNode node) {
        SolrQueryRequest req = parser.getReq();
        String key = key(options);
        String carried = req.getParams().get(key);
        if (carried != null) {
            return VectorText.parse(carried, "request parameter [" + key + "]");
        }
        float[] vector = options.image() != null ? embed(options.image(), node)
                : documentVector(req, options.field(), options.like());
        if (!req.getParams().getBool(ShardParams.IS_SHARD, false)) {
            req.setParams(SolrParams.wrapDefaults(new MapSolrParams(Map.of(key, VectorText.format(vector))),
                    req.getParams()));
        }
        return vector;
    }

    /** The parameter key for a source: the kind, the field, and a digest of the image or id. */
    static String key(ImageKnnOptions options) {
        String source = options.image() != null ? "image:" + options.image() : "like:" + options.like();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return PARAM_PREFIX + options.field() + "." + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static float[] embed(String base64, LookalikeNode node) {
        String name = "{!image_knn} image";
        return node.pool().call(() -> node.embedder().embed(ImageBase64.decode(base64, name, node.settings().limits().maxBytes()), name)).vector();
    }

    private static float[] documentVector(SolrQueryRequest req, String field, String id) {
        CoreContainer container = req.getCoreContainer();
        String name = "{!image_knn} parameter [like] document [" + id + "]";
        if (container.isZooKeeperAware() && req.getParams().getBool("distrib", true)) {
            String collection = req.getCore().getCoreDescriptor().getCollectionName();
            CloudSolrClient client = container.getZkController().getSolrClient();
            SolrDocument doc;
            try {
                doc = client.getById(collection, id, new ModifiableSolrParams().set("fl", field));
            } catch (Exception e) {
                throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, name + ": real-time get from ["
                        + collection + "] failed: " + e.getMessage(), e);
            }
            if (doc == null) {
                throw SolrErrors.badRequest(name + " is not in collection [" + collection + "]");
            }
            float[] vector = VectorText.fromStored(doc.getFieldValues(field) == null ? null
                    : List.copyOf(doc.getFieldValues(field)), name + " field [" + field + "]");
            if (vector == null) {
                throw SolrErrors.badRequest(name + " has no stored vector in [" + field + "]; in SolrCloud the "
                        + "field must be stored=\"true\" for like queries");
            }
            return vector;
        }
        return localVector(req, field, id, name);
    }

    private static float[] localVector(SolrQueryRequest req, String field, String id, String name) {
        SchemaField key = req.getSchema().getUniqueKeyField();
        if (key == null) {
            throw SolrErrors.badRequest(name + ": the schema has no uniqueKey");
        }
        try {
            SolrIndexSearcher searcher = req.getSearcher();
            Query byId = key.getType().getFieldQuery(null, key, id);
            ScoreDoc[] hits = searcher.search(byId, 1).scoreDocs;
            if (hits.length == 0) {
                throw SolrErrors.badRequest(name + " is not in the index");
            }
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[0].doc, leaves));
            int doc = hits[0].doc - leaf.docBase;
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
            if (it == null || it.advance(doc) != doc) {
                throw SolrErrors.badRequest(name + " has no vector in [" + field + "]");
            }
            return values.vectorValue(it.index()).clone();
        } catch (IOException e) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, name + ": " + e.getMessage(), e);
        }
    }
}
