package dev.lookalike.opensearch.query;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.opensearch.mapper.ImageVectorFieldType;
import dev.lookalike.opensearch.mapper.VectorValues;
import dev.lookalike.opensearch.proxy.CatalogueProxies;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.query.ProxyRerank;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.VisualSimilarityQuery;
import dev.lookalike.search.query.nearest.SearchStrategy;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.SetOnce;
import org.opensearch.ResourceNotFoundException;
import org.opensearch.action.get.GetRequest;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.IdFieldMapper;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.fetch.subphase.FetchSourceContext;

/**
 * The {@code image_knn} query: the documents whose {@code image_vector} looks most like an image, a vector or
 * an indexed document, within a filter, optionally re-ranked by the model's proxies.
 * <pre>
 * {"image_knn": {"field": "embedding",
 *                "image": "&lt;base64&gt;" | "vector": [...] | "like": {"index": "...", "id": "..."},
 *                "k": 10, "num_candidates": 100, "filter": {any query}, "min_score": 0.8,
 *                "rerank": {"proxies": true, "weight": 0.05, "temperature": 0.5},
 *                "ignore_unmapped": false, "boost": 1, "_name": "..."}}
 * </pre>
 * Each shard returns its best {@code k} by the core's {@link VisualSimilarityQuery} (so {@code _score} is
 * {@code (1 + visual) / 2}, and {@code min_score} is on that scale); the shards' results merge by score, and
 * {@code size} and {@code from} page through them. Each shard searches once per request
 * ({@link ShardSimilarityQuery}), not again for the fetch phase. An image is embedded, and a {@code like} document's
 * vector read from its {@code _source}, once, on the coordinating node while the request is rewritten; the
 * shards receive the vector. Re-ranking uses the index's catalogue proxies and each document's catalogue
 * category when {@code POST /{index}/_plugins/lookalike/proxies/_refresh} has stored them
 * ({@link CatalogueProxies}), else the node's model proxies and the model's distribution of every document. Validation errors name the option and the bad value and are answered 400; a
 * missing {@code like} document 404; a full inference pool 429.
 */
public final class ImageKnnQueryBuilder extends AbstractQueryBuilder<ImageKnnQueryBuilder> {

    /** The query's name in the DSL. */
    public static final String NAME = "image_knn";
    /** {@code k} when none is given. */
    public static final int DEFAULT_K = 10;

    private final NodeSearchServices node;
    private final String field;
    private final String image;
    private final float[] vector;
    private final LikeDocument like;
    private final int k;
    private final Integer numCandidates;
    private final QueryBuilder filter;
    private final Float minScore;
    private final RerankOptions rerank;
    private final boolean ignoreUnmapped;
    private final Supplier<float[]> pendingVector;

    private ImageKnnQueryBuilder(Options o, NodeSearchServices node, Supplier<float[]> pendingVector) {
        this.node = node;
        this.field = o.field;
        this.image = o.image;
        this.vector = o.vector;
        this.like = o.like;
        this.k = o.k;
        this.numCandidates = o.numCandidates;
        this.filter = o.filter;
        this.minScore = o.minScore;
        this.rerank = o.rerank;
        this.ignoreUnmapped = o.ignoreUnmapped;
        this.pendingVector = pendingVector;
    }

    /**
     * Reads a query that another node serialised.
     *
     * @param in       the stream
     * @param node     what the query needs from its node
     * @throws IOException if the stream fails
     */
    public ImageKnnQueryBuilder(StreamInput in, NodeSearchServices node) throws IOException {
        super(in);
        this.node = node;
        this.field = in.readString();
        this.image = in.readOptionalString();
        this.vector = in.readBoolean() ? in.readFloatArray() : null;
        this.like = in.readOptionalWriteable(LikeDocument::new);
        this.k = in.readVInt();
        this.numCandidates = in.readOptionalVInt();
        this.filter = in.readOptionalNamedWriteable(QueryBuilder.class);
        this.minScore = in.readOptionalFloat();
        this.rerank = new RerankOptions(in);
        this.ignoreUnmapped = in.readBoolean();
        this.pendingVector = null;
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        if (pendingVector != null) {
            throw new IllegalStateException("[image_knn] is waiting for its vector; rewrite it before sending it");
        }
        out.writeString(field);
        out.writeOptionalString(image);
        out.writeBoolean(vector != null);
        if (vector != null) {
            out.writeFloatArray(vector);
        }
        out.writeOptionalWriteable(like);
        out.writeVInt(k);
        out.writeOptionalVInt(numCandidates);
        out.writeOptionalNamedWriteable(filter);
        out.writeOptionalFloat(minScore);
        rerank.writeTo(out);
        out.writeBoolean(ignoreUnmapped);
    }

    /**
     * Parses the query's body.
     *
     * @param parser   a parser on the body's {@code START_OBJECT}
     * @param node     what the query needs from its node
     * @return the query
     * @throws ParsingException         on an unknown field, a value of the wrong type, or not exactly one of
     *                                  {@code image}, {@code vector} and {@code like}
     * @throws IllegalArgumentException if a value is out of range
     * @throws IOException              if the parser fails
     */
    public static ImageKnnQueryBuilder fromXContent(XContentParser parser, NodeSearchServices node)
            throws IOException {
        Options o = ImageKnnOptionsParser.parse(parser);
        ImageKnnQueryBuilder query = new ImageKnnQueryBuilder(o, node, null);
        query.boost(o.boost);
        query.queryName(o.queryName);
        return query;
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(NAME);
        builder.field("field", field);
        if (image != null) {
            builder.field("image", image);
        }
        if (vector != null) {
            builder.array("vector", vector);
        }
        if (like != null) {
            builder.startObject(LikeDocument.NAME).field("index", like.index()).field("id", like.id()).endObject();
        }
        builder.field("k", k);
        if (numCandidates != null) {
            builder.field("num_candidates", numCandidates);
        }
        if (filter != null) {
            builder.field("filter", filter);
        }
        if (minScore != null) {
            builder.field("min_score", minScore);
        }
        if (rerank.proxies()) {
            rerank.toXContent(builder, params);
        }
        if (ignoreUnmapped) {
            builder.field("ignore_unmapped", true);
        }
        printBoostAndQueryName(builder);
        builder.endObject();
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
        if (pendingVector != null) {
            float[] resolved = pendingVector.get();
            return resolved == null ? this : copy(o -> {
                o.vector = resolved;
                o.image = null;
            }, null);
        }
        if (vector == null && (image != null || like != null)) {
            SetOnce<float[]> resolved = new SetOnce<>();
            if (image != null) {
                context.registerAsyncAction((client, listener) -> node.embedder().get().embedBase64(image,
                        "[image_knn][image]", ActionListener.wrap(e -> {
                            resolved.set(e.vector());
                            listener.onResponse(null);
                        }, listener::onFailure)));
            } else {
                context.registerAsyncAction((client, listener) -> client.get(new GetRequest(like.index(), like.id())
                        .fetchSourceContext(new FetchSourceContext(true, new String[] {field}, null)),
                        ActionListener.wrap(response -> {
                            if (!response.isExists()) {
                                throw new ResourceNotFoundException("[image_knn][like] document [" + like.id()
                                        + "] does not exist in index [" + like.index() + "]");
                            }
                            resolved.set(vectorOf(response.getSourceAsMap().isEmpty() ? null
                                    : XContentMapValues.extractValue(field, response.getSourceAsMap())));
                            listener.onResponse(null);
                        }, listener::onFailure)));
            }
            return copy(o -> { }, resolved::get);
        }
        if (filter != null) {
            QueryBuilder rewritten = filter.rewrite(context);
            if (rewritten != filter) {
                return copy(o -> o.filter = rewritten, null);
            }
        }
        return this;
    }

    private float[] vectorOf(Object value) {
        float[] vector = VectorValues.fromSource(value, "[image_knn][like] document [" + like.id() + "] in index ["
                + like.index() + "] field [" + field + "]");
        if (vector == null) {
            throw new IllegalArgumentException("[image_knn][like] document [" + like.id() + "] in index ["
                    + like.index() + "] has no vector in [" + field + "]");
        }
        return vector;
    }

    @Override
    protected Query doToQuery(QueryShardContext context) throws IOException {
        MappedFieldType type = context.fieldMapper(field);
        if (type == null) {
            if (ignoreUnmapped) {
                return new MatchNoDocsQuery("[image_knn] field [" + field + "] is not mapped");
            }
            throw new IllegalArgumentException("[image_knn] field [" + field + "] is not mapped in index ["
                    + context.index().getName() + "]; set ignore_unmapped to skip such indices");
        }
        if (!(type instanceof ImageVectorFieldType vectors)) {
            throw new IllegalArgumentException("[image_knn] field [" + field + "] is of type [" + type.typeName()
                    + "], not [image_vector]");
        }
        if (vector == null) {
            throw new IllegalStateException("[image_knn] has no vector yet: the query was not rewritten");
        }
        float[] unit = VectorValues.normalised(vector, "[image_knn][vector]", vectors.dimension());
        int candidates = numCandidates != null ? numCandidates : SimilarityQuery.defaultCandidates(k);
        if (candidates < k) {
            throw new IllegalArgumentException("[image_knn][num_candidates] must be at least k (" + k + "), got "
                    + candidates);
        }
        Query filterQuery = filter == null ? null : filter.toQuery(context);
        if (like != null && like.index().equals(context.index().getName())) {
            Query self = context.fieldMapper(IdFieldMapper.NAME).termQuery(like.id(), context);
            filterQuery = new BooleanQuery.Builder()
                    .add(filterQuery == null ? new MatchAllDocsQuery() : filterQuery, BooleanClause.Occur.FILTER)
                    .add(self, BooleanClause.Occur.MUST_NOT).build();
        }
        ProxyRerank proxyRerank = null;
        if (rerank.proxies()) {
            CatalogueProxies catalogue = node.catalogueProxies().get(context.index().getUUID(),
                    context.getMapperService().documentMapper().meta(), field);
            IndexProxies proxies = catalogue != null ? catalogue.proxies() : modelProxies();
            MappedFieldType categories = catalogue == null ? null : context.fieldMapper(catalogue.categoryField());
            // Doc values of a keyword field give each document's categories; other types have none to read.
            String categoryField = categories != null && categories.hasDocValues()
                    && "keyword".equals(categories.typeName()) ? catalogue.categoryField() : null;
            float weight = SimilarityQuery.effectiveRerankWeight(rerank.weight(),
                    node.embedder().get().embedder().bundle().spec().rerankWeight());
            proxyRerank = new ProxyRerank(proxies, weight,
                    rerank.temperature() != null ? rerank.temperature() : SimilarityQuery.DEFAULT_RERANK_TEMPERATURE,
                    categoryField);
        }
        return new ShardSimilarityQuery(
                new VisualSimilarityQuery(field, unit, k, candidates, filterQuery, minScore, proxyRerank,
                        SearchStrategy.AUTO, node.filterCache()), node.stats());
    }

    /** The node model's learned proxies, for an index without catalogue proxies. Costs O(classes x dimension). */
    private IndexProxies modelProxies() {
        ModelBundle bundle = node.embedder().get().embedder().bundle();
        return IndexProxies.ofModel(bundle.proxies(), bundle.spec().temperature());
    }

    private ImageKnnQueryBuilder copy(Consumer<Options> change, Supplier<float[]> pending) {
        Options o = new Options();
        o.field = field;
        o.image = image;
        o.vector = vector;
        o.like = like;
        o.k = k;
        o.numCandidates = numCandidates;
        o.filter = filter;
        o.minScore = minScore;
        o.rerank = rerank;
        o.ignoreUnmapped = ignoreUnmapped;
        change.accept(o);
        ImageKnnQueryBuilder copy = new ImageKnnQueryBuilder(o, node, pending);
        copy.boost(boost());
        copy.queryName(queryName());
        return copy;
    }

    @Override
    protected boolean doEquals(ImageKnnQueryBuilder o) {
        return field.equals(o.field) && Objects.equals(image, o.image) && Arrays.equals(vector, o.vector)
                && Objects.equals(like, o.like) && k == o.k && Objects.equals(numCandidates, o.numCandidates)
                && Objects.equals(filter, o.filter) && Objects.equals(minScore, o.minScore)
                && rerank.equals(o.rerank) && ignoreUnmapped == o.ignoreUnmapped
                && Objects.equals(pendingVector, o.pendingVector);
    }

    @Override
    protected int doHashCode() {
        return Objects.hash(field, image, Arrays.hashCode(vector), like, k, numCandidates, filter, minScore, rerank,
                ignoreUnmapped);
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }

    /** The query's options while they are parsed or copied; package-private and mutable. */
    static final class Options {
        String field;
        String image;
        float[] vector;
        LikeDocument like;
        int k = DEFAULT_K;
        Integer numCandidates;
        QueryBuilder filter;
        Float minScore;
        RerankOptions rerank = RerankOptions.OFF;
        boolean ignoreUnmapped;
        float boost = DEFAULT_BOOST;
        String queryName;
    }
}
