package dev.lookalike.opensearch.proxy;

import java.io.IOException;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.support.clustermanager.ClusterManagerNodeRequest;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/**
 * Stores a field's freshly computed catalogue proxies: the index, the vector field, the category field they were
 * computed from, and the proxies as JSON (their generation is set by the cluster manager, one after the stored
 * one).
 */
public final class StoreCatalogueProxiesRequest extends ClusterManagerNodeRequest<StoreCatalogueProxiesRequest> {

    private final String index;
    private final String field;
    private final String categoryField;
    private final String proxiesJson;

    /**
     * @param index         a concrete index
     * @param field         its vector field
     * @param categoryField the category field the proxies were computed from
     * @param proxiesJson   the proxies ({@code IndexProxies}) as JSON
     */
    public StoreCatalogueProxiesRequest(String index, String field, String categoryField, String proxiesJson) {
        this.index = index;
        this.field = field;
        this.categoryField = categoryField;
        this.proxiesJson = proxiesJson;
    }

    /**
     * Reads a request sent by another node.
     *
     * @param in the stream
     * @throws IOException if it cannot be read
     */
    public StoreCatalogueProxiesRequest(StreamInput in) throws IOException {
        super(in);
        this.index = in.readString();
        this.field = in.readString();
        this.categoryField = in.readString();
        this.proxiesJson = in.readString();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(index);
        out.writeString(field);
        out.writeString(categoryField);
        out.writeString(proxiesJson);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    /** @return the index */
    public String index() {
        return index;
    }

    /** @return the vector field */
    public String field() {
        return field;
    }

    /** @return the category field */
    public String categoryField() {
        return categoryField;
    }

    /** @return the proxies as JSON */
    public String proxiesJson() {
        return proxiesJson;
    }
}
