package dev.lookalike.solr.search;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.UnitVectors;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.query.ProxyRerank;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.VisualSimilarityQuery;
import dev.lookalike.search.query.nearest.SearchStrategy;
import dev.lookalike.solr.node.LookalikeNode;
import dev.lookalike.solr.node.SolrErrors;
import dev.lookalike.solr.proxy.CatalogueProxies;
import dev.lookalike.solr.proxy.ManagedCatalogueProxies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.StrUtils;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QueryUtils;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.search.vector.AbstractVectorQParserBase;

/**
 * Parses {@code {!image_knn}} ({@link ImageKnnOptions} lists its parameters) into the search core's
 * {@link VisualSimilarityQuery}: the {@code topK} documents nearest to the query vector among those that pass the
 * pre-filter, scored {@code (1 + visual) / 2} where visual is the cosine similarity, or with {@code rerank=true}
 * {@code (1 - w)·similarity + w·agreement} with the proxies. The pre-filter follows Solr's own {@code {!knn}}
 * rule: as the main query, every {@code fq} (or those chosen by {@code includeTags}/{@code excludeTags}); as a
 * sub-query or a filter, only {@code preFilter}. Category and keyword filters reach the core as term queries,
 * not through the filter cache ({@link PreFilterQueries}): the core caches their bit sets per segment and reads a
 * category of a core sorted by category as its run of documents. The score of a
 * document depends on the query and the document alone, so shards merge exactly; like any query it works as
 * {@code q}, inside {@code {!bool}}, with paging, {@code fl=score}, facets and highlighting.
 *
 * <p>Re-ranking uses the collection's catalogue proxies for the field when {@code /lookalike/proxies} has
 * computed them (with each document's catalogue category), else the model's own proxies; the weight defaults to
 * the model's ({@code rerank_weight} in its bundle), else the core's default.
 */
public final class ImageKnnQParser extends AbstractVectorQParserBase {

    private static final String PRE_FILTER = "preFilter";
    private static final String INCLUDE_TAGS = "includeTags";
    private static final String EXCLUDE_TAGS = "excludeTags";

    /**
     * @param qstr        the query string
     * @param localParams the local parameters
     * @param params      the request's parameters
     * @param req         the request
     */
    public ImageKnnQParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        super(qstr, localParams, params, req);
    }

    /**
     * @return the query
     * @throws SolrException 400 for every bad parameter, naming it and the value; 429 when the inference queue is
     *                       full
     * @throws SyntaxError   if a pre-filter does not parse
     */
    @Override
    public Query parse() throws SyntaxError {
        ImageKnnOptions options = ImageKnnOptions.parse(localParams);
        DenseVectorField type = vectorField(options.field());
        LookalikeNode node = LookalikeNode.of(req.getCoreContainer());
        node.counters().similaritySearch();
        float[] raw = options.vector() != null ? options.vector() : QueryVectors.resolve(this, options, node);
        float[] unit;
        try {
            unit = UnitVectors.normalised("{!image_knn} query vector for field [" + options.field() + "]", raw,
                    type.getDimension());
        } catch (SearchInputException e) {
            throw SolrErrors.of(e);
        }
        Query filter = preFilter();
        if (options.like() != null) {
            filter = excluding(filter, options.like());
        }
        ProxyRerank rerank = options.rerank() ? rerank(options, node) : null;
        return new VisualSimilarityQuery(options.field(), unit, options.topK(), options.numCandidates(), filter,
                options.minScore(), rerank, SearchStrategy.AUTO, node.filterCache());
    }

    private DenseVectorField vectorField(String field) {
        SchemaField schemaField = req.getSchema().getFieldOrNull(field);
        if (schemaField == null) {
            throw SolrErrors.badRequest("{!image_knn} parameter [f]: field [" + field + "] is not in the schema");
        }
        if (!(schemaField.getType() instanceof DenseVectorField type)) {
            throw SolrErrors.badRequest("{!image_knn} parameter [f]: field [" + field + "] is of type "
                    + schemaField.getType().getTypeName() + ", not a solr.DenseVectorField");
        }
        if (type.getVectorEncoding() != VectorEncoding.FLOAT32) {
            throw SolrErrors.badRequest("{!image_knn} parameter [f]: field [" + field + "] has vectorEncoding "
                    + type.getVectorEncoding() + "; image vectors need FLOAT32");
        }
        VectorSimilarityFunction similarity = type.getSimilarityFunction();
        if (similarity != VectorSimilarityFunction.DOT_PRODUCT && similarity != VectorSimilarityFunction.COSINE) {
            throw SolrErrors.badRequest("{!image_knn} parameter [f]: field [" + field + "] has similarityFunction "
                    + similarity + "; image vectors need dot_product or cosine");
        }
        return type;
    }

    /**
     * The pre-filter, chosen by {@code {!knn}}'s rules: the {@code preFilter} local parameters when given; else, as
     * the main query, the request's {@code fq}s, limited to those tagged {@code includeTags} and less those tagged
     * {@code excludeTags}; else (a filter or a sub-query) none. Tags are refused with {@code preFilter}, and in a
     * filter or a sub-query. Handed to the core by {@link PreFilterQueries}.
     */
    private Query preFilter() throws SyntaxError {
        List<String> include = tags(INCLUDE_TAGS);
        List<String> exclude = tags(EXCLUDE_TAGS);
        boolean tagged = !include.isEmpty() || !exclude.isEmpty();
        boolean mainQuery = !isFilter() && recurseCount == 0;
        if (tagged && !mainQuery) {
            throw SolrErrors.badRequest("{!image_knn} as a " + (isFilter() ? "filter" : "sub-query")
                    + " takes no " + INCLUDE_TAGS + " or " + EXCLUDE_TAGS + ": use " + PRE_FILTER);
        }
        String[] explicit = localParams.getParams(PRE_FILTER);
        List<Query> chosen = new ArrayList<>();
        if (explicit != null) {
            if (tagged) {
                throw SolrErrors.badRequest("{!image_knn} takes either " + PRE_FILTER + " or " + INCLUDE_TAGS + "/"
                        + EXCLUDE_TAGS + ", not both");
            }
            for (String text : explicit) {
                QParser parser = subQuery(text, null);
                parser.setIsFilter(true);
                Query parsed = parser.getQuery();
                if (parsed != null) {
                    chosen.add(parsed);
                }
            }
        } else if (mainQuery) {
            chosen.addAll(include.isEmpty() ? QueryUtils.parseFilterQueries(req)
                    : QueryUtils.getTaggedQueries(req, include));
            if (!exclude.isEmpty()) {
                chosen.removeAll(QueryUtils.getTaggedQueries(req, exclude));
            }
        }
        try {
            return PreFilterQueries.combine(chosen, others -> req.getSearcher().getProcessedFilter(others).filter);
        } catch (IOException e) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, e);
        }
    }

    /** A tag parameter's values, each split at commas: present but empty means "no tag" (include nothing). */
    private List<String> tags(String parameter) {
        String[] values = localParams.getParams(parameter);
        List<String> tags = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value.indexOf(',') > 0) {
                    tags.addAll(StrUtils.splitSmart(value, ','));
                } else {
                    tags.add(value);
                }
            }
        }
        return tags;
    }

    /** Leaves the {@code like} document out of its own results. */
    private Query excluding(Query filter, String id) {
        SchemaField key = req.getSchema().getUniqueKeyField();
        if (key == null) {
            return filter;
        }
        return new BooleanQuery.Builder()
                .add(filter == null ? new MatchAllDocsQuery() : filter, BooleanClause.Occur.FILTER)
                .add(key.getType().getFieldQuery(this, key, id), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private ProxyRerank rerank(ImageKnnOptions options, LookalikeNode node) {
        ManagedCatalogueProxies store = ManagedCatalogueProxies.of(req.getCore());
        CatalogueProxies catalogue = store == null ? null : store.get(options.field());
        IndexProxies proxies = catalogue != null ? catalogue.proxies() : node.modelProxies();
        node.counters().rerank(catalogue != null);
        String categoryField = null;
        if (catalogue != null) {
            SchemaField categories = req.getSchema().getFieldOrNull(catalogue.categoryField());
            // Each document's category comes from doc values; without them every document gets the model's guess.
            categoryField = categories != null && categories.hasDocValues() ? catalogue.categoryField() : null;
        }
        float weight = SimilarityQuery.effectiveRerankWeight(options.rerankWeight(),
                node.bundle().spec().rerankWeight());
        float temperature = options.rerankTemperature() != null ? options.rerankTemperature()
                : SimilarityQuery.DEFAULT_RERANK_TEMPERATURE;
        return new ProxyRerank(proxies, weight, temperature, categoryField);
    }
}
