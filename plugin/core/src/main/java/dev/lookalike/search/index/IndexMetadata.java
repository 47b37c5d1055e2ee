package dev.lookalike.search.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.proxy.IndexProxies;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;

/**
 * What an index stores about itself with every commit, as JSON under the commit user data key {@value #KEY}:
 * the vector field's settings, the model it was built for with that model's learned proxies (so that proxies
 * of categories that appear later can be taken from it), and the current proxies of the index's categories.
 * The one source of truth for these: a searcher reloads them from the commit it opens. Immutable.
 *
 * @param formatVersion  the metadata format; readers refuse others
 * @param model          the model's name, so that callers can check they embed queries with the same model
 * @param settings       the vector field's settings
 * @param modelProxies   the model's learned proxies
 * @param proxies        the proxies of the index's categories
 * @param modelProxyAnchor  the model's proxy anchor weight (0 when it has none, and in indexes that predate
 *                          it): it changes every vector, so it is part of what the index was built with
 * @param modelRerankWeight the re-ranking weight the model's bundle chose for itself, or {@code null} when it
 *                          names none (and in indexes that predate it)
 */
public record IndexMetadata(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("model") String model,
        @JsonProperty("settings") IndexSettings settings,
        @JsonProperty("model_proxies") Proxies modelProxies,
        @JsonProperty("proxies") IndexProxies proxies,
        @JsonProperty("model_proxy_anchor") float modelProxyAnchor,
        @JsonProperty("model_rerank_weight") Float modelRerankWeight) {

    /** The commit user data key holding the JSON. */
    public static final String KEY = "lookalike.metadata";
    /** The format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Compares by value, including the model proxies' vectors (which {@link Proxies} compares by identity).
     *
     * @param o another object
     * @return whether it is metadata with the same content
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof IndexMetadata m && formatVersion == m.formatVersion && Objects.equals(model, m.model)
                && Float.compare(modelProxyAnchor, m.modelProxyAnchor) == 0
                && Objects.equals(modelRerankWeight, m.modelRerankWeight)
                && Objects.equals(settings, m.settings) && Objects.equals(proxies, m.proxies)
                && modelProxies.classes().equals(m.modelProxies.classes())
                && Arrays.deepEquals(modelProxies.vectors(), m.modelProxies.vectors());
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, model, modelProxyAnchor, modelRerankWeight, settings, proxies,
                modelProxies.classes(), Arrays.deepHashCode(modelProxies.vectors()));
    }

    /**
     * Metadata for a new, empty index of a model without proxy anchoring or a re-ranking weight of its own.
     *
     * @param model        the model's name
     * @param settings     the vector field's settings
     * @param modelProxies the model's learned proxies, of the settings' dimension
     * @param temperature  the model's softmax temperature
     * @return metadata with no categories yet
     * @throws SearchInputException if the proxies' dimension differs from the settings'
     */
    public static IndexMetadata create(String model, IndexSettings settings, Proxies modelProxies, float temperature) {
        return create(model, settings, modelProxies, temperature, 0, null);
    }

    /**
     * Metadata for a new, empty index of the vectors a model bundle makes: its name, learned proxies,
     * temperature, proxy anchoring and re-ranking weight.
     *
     * @param bundle   the model
     * @param settings the vector field's settings
     * @return metadata with no categories yet
     * @throws SearchInputException if the model's dimension differs from the settings'
     */
    public static IndexMetadata forModel(ModelBundle bundle, IndexSettings settings) {
        return create(bundle.spec().name(), settings, bundle.proxies(), bundle.spec().temperature(),
                bundle.spec().proxyAnchor(), bundle.spec().rerankWeight());
    }

    private static IndexMetadata create(String model, IndexSettings settings, Proxies modelProxies, float temperature,
            float proxyAnchor, Float rerankWeight) {
        if (modelProxies.dimension() != settings.dimension() && !modelProxies.classes().isEmpty()) {
            throw new SearchInputException("model " + model, "proxies are " + modelProxies.dimension()
                    + "-d but the index setting dimension is " + settings.dimension());
        }
        return new IndexMetadata(FORMAT_VERSION, model, settings, modelProxies, IndexProxies.empty(temperature),
                proxyAnchor, rerankWeight);
    }

    /**
     * Whether the index was built with this model: the same name, the same learned proxies and the same proxy
     * anchoring. Two trainings of a model under one name learn different proxies, and their vectors are not
     * comparable, so the name alone is not enough; nor are a model's vectors with and without anchoring.
     * Costs O(classes x dimension).
     *
     * @param name        a model's name
     * @param proxies     that model's learned proxies
     * @param proxyAnchor that model's proxy anchor weight
     * @return whether they are the ones the index was built with
     */
    public boolean builtWith(String name, Proxies proxies, float proxyAnchor) {
        return model.equals(name) && Float.compare(modelProxyAnchor, proxyAnchor) == 0
                && modelProxies.classes().equals(proxies.classes())
                && Arrays.deepEquals(modelProxies.vectors(), proxies.vectors());
    }

    /**
     * @param newProxies the new proxies
     * @return this metadata with other proxies
     */
    public IndexMetadata withProxies(IndexProxies newProxies) {
        return new IndexMetadata(formatVersion, model, settings, modelProxies, newProxies, modelProxyAnchor,
                modelRerankWeight);
    }

    /**
     * @return the commit user data entry holding this metadata as JSON
     */
    public Map<String, String> toUserData() {
        try {
            return Map.of(KEY, JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise index metadata", e);
        }
    }

    /**
     * Reads the metadata of the commit a reader was opened on.
     *
     * @param reader a reader opened on a directory
     * @return the metadata
     * @throws SearchInputException if the commit has no Lookalike metadata or it is of another format
     * @throws IOException          if the commit cannot be read
     */
    public static IndexMetadata read(DirectoryReader reader) throws IOException {
        return fromUserData(reader.getIndexCommit());
    }

    /**
     * Reads the metadata stored with a commit.
     *
     * @param commit a commit
     * @return the metadata
     * @throws SearchInputException if the commit has no Lookalike metadata or it is of another format
     * @throws IOException          if the commit cannot be read
     */
    public static IndexMetadata fromUserData(IndexCommit commit) throws IOException {
        String what = "index " + commit.getDirectory() + " commit " + commit.getGeneration();
        String json = commit.getUserData().get(KEY);
        if (json == null) {
            throw new SearchInputException(what, "has no " + KEY + " (not a Lookalike index)");
        }
        int version = JSON.readTree(json).path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new SearchInputException(what, "metadata format " + version
                    + " is not supported; this Lookalike reads format " + FORMAT_VERSION);
        }
        try {
            return JSON.readValue(json, IndexMetadata.class);
        } catch (JsonProcessingException e) {
            throw new SearchInputException(what, "unreadable metadata: " + e.getOriginalMessage(), e);
        }
    }
}
