package dev.lookalike.opensearch.mapper;

import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.Quantization;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.FieldMapper;
import org.opensearch.index.mapper.MapperParsingException;
import org.opensearch.index.mapper.ParametrizedFieldMapper;
import org.opensearch.index.mapper.ParseContext;

/**
 * The {@code image_vector} field type: a unit-length embedding of an image, kept in Lucene's HNSW graph
 * ({@link KnnFloatVectorField}). Mapping parameters, all fixed once the field exists:
 * <ul>
 * <li>{@code dims}: the vectors' dimension, the model's 64 by default;</li>
 * <li>{@code similarity}: {@code cosine} (the default) or {@code dot_product}; they rank unit vectors alike,
 * and {@code dot_product} skips computing lengths;</li>
 * <li>{@code m} and {@code ef_construction}: HNSW's connections per node and build beam width;</li>
 * <li>{@code quantization}: {@code none} or {@code int8}, a quarter of the memory for slightly approximate
 * graph scores.</li>
 * </ul>
 * A document's value is an array of {@code dims} finite numbers, not all zero; it is normalised to unit
 * length before indexing, so that every similarity and the {@code image_knn} query see the model's geometry.
 * {@code null} leaves the document without a vector.
 */
public final class ImageVectorFieldMapper extends ParametrizedFieldMapper {

    /** The type's name in mappings. */
    public static final String CONTENT_TYPE = "image_vector";
    /** The dimension when the mapping gives none: the shipped models' embedding size. */
    public static final int DEFAULT_DIMS = 64;

    /** Parses an {@code image_vector} mapping. */
    public static final TypeParser PARSER = new TypeParser((name, context) -> new Builder(name));

    private final Builder builder;

    private ImageVectorFieldMapper(String simpleName, ImageVectorFieldType type, MultiFields multiFields,
            CopyTo copyTo, Builder builder) {
        super(simpleName, type, multiFields, copyTo);
        this.builder = builder;
    }

    private static ImageVectorFieldMapper toType(FieldMapper mapper) {
        return (ImageVectorFieldMapper) mapper;
    }

    @Override
    public ImageVectorFieldType fieldType() {
        return (ImageVectorFieldType) super.fieldType();
    }

    @Override
    public ParametrizedFieldMapper.Builder getMergeBuilder() {
        return new Builder(simpleName()).init(this);
    }

    @Override
    public boolean parsesArrayValue() {
        return true;
    }

    @Override
    protected void parseCreateField(ParseContext context) throws IOException {
        XContentParser parser = context.parser();
        if (parser.currentToken() == XContentParser.Token.VALUE_NULL) {
            return;
        }
        ImageVectorFieldType type = fieldType();
        float[] vector = VectorValues.parse(parser, name(), type.dimension());
        context.doc().add(new KnnFloatVectorField(name(), vector, type.similarity()));
        createFieldNamesField(context);
    }

    @Override
    protected String contentType() {
        return CONTENT_TYPE;
    }

    /** Collects and checks the mapping parameters; {@link #build} makes the mapper. */
    public static final class Builder extends ParametrizedFieldMapper.Builder {

        private final Parameter<Integer> dims = Parameter.intParam("dims", false,
                m -> toType(m).builder.dims.get(), DEFAULT_DIMS)
                .setValidator(v -> requireRange("dims", v, 1, IndexSettings.MAX_DIMENSION));
        private final Parameter<String> similarity = Parameter.restrictedStringParam("similarity", false,
                m -> toType(m).builder.similarity.get(), "cosine", "dot_product");
        private final Parameter<Integer> m = Parameter.intParam("m", false,
                mapper -> toType(mapper).builder.m.get(), IndexSettings.DEFAULT_M)
                .setValidator(v -> requireRange("m", v, IndexSettings.MIN_M, IndexSettings.MAX_M));
        private final Parameter<Integer> efConstruction = Parameter.intParam("ef_construction", false,
                mapper -> toType(mapper).builder.efConstruction.get(), IndexSettings.DEFAULT_BEAM_WIDTH)
                .setValidator(v -> requireRange("ef_construction", v, 1, IndexSettings.MAX_BEAM_WIDTH));
        private final Parameter<String> quantization = Parameter.restrictedStringParam("quantization", false,
                mapper -> toType(mapper).builder.quantization.get(), "none", "int8");
        private final Parameter<Map<String, String>> meta = Parameter.metaParam();

        /**
         * @param name the field's name
         */
        public Builder(String name) {
            super(name);
        }

        @Override
        protected List<Parameter<?>> getParameters() {
            return List.of(dims, similarity, m, efConstruction, quantization, meta);
        }

        @Override
        public ImageVectorFieldMapper build(BuilderContext context) {
            IndexSettings settings = new IndexSettings(dims.get(), m.get(), efConstruction.get(),
                    Quantization.valueOf(quantization.get().toUpperCase(Locale.ROOT)), 1);
            VectorSimilarityFunction function = "dot_product".equals(similarity.get())
                    ? VectorSimilarityFunction.DOT_PRODUCT : VectorSimilarityFunction.COSINE;
            ImageVectorFieldType type = new ImageVectorFieldType(buildFullName(context), settings, function,
                    meta.get());
            return new ImageVectorFieldMapper(name, type, multiFieldsBuilder.build(this, context), copyTo.build(),
                    this);
        }

        private static void requireRange(String parameter, int value, int min, int max) {
            if (value < min || value > max) {
                throw new MapperParsingException("[" + parameter + "] of an [" + CONTENT_TYPE
                        + "] field must be between " + min + " and " + max + ", got " + value);
            }
        }
    }
}
