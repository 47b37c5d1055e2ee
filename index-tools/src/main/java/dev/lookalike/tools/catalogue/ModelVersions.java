package dev.lookalike.tools.catalogue;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.index.IndexMetadata;

/**
 * Refuses to mix two versions of a model in one index. A retrained model keeps its name but learns other
 * proxies and another vector space, so its vectors cannot be compared with an index built by the old one:
 * adding them would silently corrupt similarity, and querying with them would return noise.
 */
public final class ModelVersions {

    private ModelVersions() {
    }

    /**
     * @param metadata the index's metadata
     * @param bundle   the model about to embed items or queries for it, already checked to have its name
     * @param index    how to name the index in the error
     * @throws SearchInputException if the index was built with another version of the model
     */
    public static void requireSame(IndexMetadata metadata, ModelBundle bundle, String index) {
        float anchor = bundle.spec().proxyAnchor();
        if (!metadata.builtWith(bundle.spec().name(), bundle.proxies(), anchor)) {
            String trained = bundle.spec().training() == null ? "" : " (this one trained at " + bundle.spec().training().trainedAt() + ")";
            String differs = metadata.builtWith(metadata.model(), bundle.proxies(), metadata.modelProxyAnchor())
                    ? "its proxy anchoring differs (index " + metadata.modelProxyAnchor() + ", model " + anchor + ")"
                    : "its learned proxies differ";
            throw new SearchInputException("--model " + bundle.spec().name(), index + " was built with another version of model '"
                    + metadata.model() + "'" + trained + ": " + differs + ", so the vectors are not comparable."
                    + " Rebuild the index into a new --index folder");
        }
    }
}
