package dev.lookalike.solr.handler;

import dev.lookalike.analyzer.image.ImageBase64;
import dev.lookalike.analyzer.model.EmbeddedImage;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.SolrErrors;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.solr.common.util.ContentStream;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.security.AuthorizationContext;

/**
 * {@code /lookalike/embed}: the image as the {@code image} parameter (base64), or as the request body (the raw
 * image bytes, any content type), answered with {@code vector} and {@code predicted_category} ({@code name},
 * {@code probability}). Decoding and inference run on the node's inference pool; a full queue is answered 429,
 * an image that is not one, or that breaks the node's byte or pixel limit, 400 (each a
 * {@link org.apache.solr.common.SolrException}).
 */
public class EmbedHandler extends RequestHandlerBase {

    @Override
    public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) throws Exception {
        String base64 = req.getParams().get("image");
        Iterable<ContentStream> streams = req.getContentStreams();
        Iterator<ContentStream> body = streams == null ? null : streams.iterator();
        boolean hasBody = body != null && body.hasNext();
        if ((base64 == null) == !hasBody) {
            throw SolrErrors.badRequest("/lookalike/embed needs the image either as the [image] parameter (base64) "
                    + "or as the request body, " + (base64 == null ? "got neither" : "got both"));
        }
        LookalikeNode node = LookalikeNode.of(req.getCoreContainer());
        long max = node.settings().limits().maxBytes();
        byte[] bytes;
        if (base64 != null) {
            bytes = null;
        } else {
            try (InputStream in = body.next().getStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            }
            if (bytes.length > max) {
                throw SolrErrors.badRequest("/lookalike/embed request body is over [lookalike.max_image_bytes] " + max
                        + " bytes");
            }
        }
        String name = base64 != null ? "/lookalike/embed parameter [image]" : "/lookalike/embed request body";
        byte[] raw = bytes;
        EmbeddedImage embedded = node.pool().call(() -> node.embedder().embed(
                raw != null ? raw : ImageBase64.decode(base64, name, max), name));
        List<Float> vector = new ArrayList<>(embedded.vector().length);
        for (float x : embedded.vector()) {
            vector.add(x);
        }
        rsp.add("vector", vector);
        SimpleOrderedMap<Object> predicted = new SimpleOrderedMap<>();
        predicted.add("name", embedded.predicted().name());
        predicted.add("probability", embedded.predicted().probability());
        rsp.add("predicted_category", predicted);
    }

    @Override
    public String getDescription() {
        return "Lookalike: embeds an image with the node's model";
    }

    @Override
    public Name getPermissionName(AuthorizationContext request) {
        return Name.READ_PERM;
    }
}
