package dev.lookalike.search.proxy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.analyzer.model.ProxyClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The proxies of an index's categories, sorted by category name, with the model's temperature and a
 * generation number that changes whenever the proxies do (so that a distribution stored with an item can be
 * told apart from one computed with other proxies). Immutable.
 *
 * @param generation  increases by one each time the proxies change
 * @param temperature the softmax temperature of the model, the default for distributions
 * @param proxies     one per category, sorted by name
 */
public record IndexProxies(
        @JsonProperty("generation") long generation,
        @JsonProperty("temperature") float temperature,
        @JsonProperty("proxies") List<CategoryProxy> proxies) {

    /**
     * @param generation  the generation
     * @param temperature the temperature, positive
     * @param proxies     the proxies, sorted by category
     * @throws IllegalArgumentException if the temperature is not positive or the vectors differ in dimension
     */
    @JsonCreator
    public IndexProxies {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        proxies = List.copyOf(proxies);
        for (CategoryProxy p : proxies) {
            if (p.vector().length != proxies.get(0).vector().length) {
                throw new IllegalArgumentException("proxy vectors differ in dimension");
            }
        }
    }

    /**
     * @param temperature the model's temperature
     * @return proxies for an index with no categories yet, generation 0
     */
    public static IndexProxies empty(float temperature) {
        return new IndexProxies(0, temperature, List.of());
    }

    /**
     * The model's own proxies, one per class it was trained on, for searches that have no catalogue proxies of
     * their own (an engine's index of items whose categories are the model's). Costs O(classes x dimension).
     *
     * @param model       the model's proxies
     * @param temperature the model's softmax temperature
     * @return learned proxies sorted by class name, generation 0
     */
    public static IndexProxies ofModel(Proxies model, float temperature) {
        List<CategoryProxy> proxies = new ArrayList<>();
        for (int c = 0; c < model.classes().size(); c++) {
            proxies.add(new CategoryProxy(model.classes().get(c), true, 0, model.vectors()[c].clone()));
        }
        proxies.sort(Comparator.comparing(CategoryProxy::category));
        return new IndexProxies(0, temperature, proxies);
    }

    /** @return the category names, in proxy order */
    @JsonIgnore
    public List<String> categories() {
        List<String> names = new ArrayList<>(proxies.size());
        proxies.forEach(p -> names.add(p.category()));
        return names;
    }

    /** @return {@code true} when there is no category, so there is nothing to classify into */
    @JsonIgnore
    public boolean isEmpty() {
        return proxies.isEmpty();
    }

    /**
     * @param category a category name
     * @return the proxy of that category, or {@code null} if the index has none
     */
    public CategoryProxy proxy(String category) {
        for (CategoryProxy p : proxies) {
            if (p.category().equals(category)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Makes a classifier over these proxies, reusing the analyzer's proxy softmax. Costs O(categories).
     *
     * @param temperature the softmax temperature, positive
     * @return the classifier
     * @throws IllegalStateException if there are no proxies
     */
    public ProxyClassifier classifier(float temperature) {
        if (proxies.isEmpty()) {
            throw new IllegalStateException("the index has no categories to classify into");
        }
        float[][] vectors = new float[proxies.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = proxies.get(i).vector();
        }
        return new ProxyClassifier(new Proxies(categories(), vectors), temperature);
    }

    /**
     * Whether these proxies give the same distributions as {@code other}, up to float rounding: the same
     * categories, temperature, and vectors that differ by at most {@code tolerance} in every part. The
     * generation is not compared.
     *
     * @param other     other proxies
     * @param tolerance the largest allowed difference of a vector part
     * @return whether the two are interchangeable
     */
    public boolean sameAs(IndexProxies other, double tolerance) {
        if (temperature != other.temperature || !categories().equals(other.categories())) {
            return false;
        }
        for (int c = 0; c < proxies.size(); c++) {
            float[] a = proxies.get(c).vector();
            float[] b = other.proxies.get(c).vector();
            if (a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }
}
