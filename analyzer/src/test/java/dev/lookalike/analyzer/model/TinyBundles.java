package dev.lookalike.analyzer.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import dev.lookalike.analyzer.preprocess.InputSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/** Small model bundles for tests: a randomly initialised network and random unit proxies. */
final class TinyBundles {

    static final NetworkSpec TINY = new NetworkSpec(NetworkSpec.CONV_STAGES, List.of(List.of(4), List.of(8)), 16, 0f);
    static final List<String> CLASSES = List.of("bar", "post", "box");

    private TinyBundles() {
    }

    /** A spec for {@code network} with the given digests left for {@link ModelBundle#of} to fill. */
    static ModelSpec spec(String name, NetworkSpec network) {
        return spec(name, network, InputSpec.fashionMnist());
    }

    /** A spec for {@code network} taking {@code input}, digests left for {@link ModelBundle#of} to fill. */
    static ModelSpec spec(String name, NetworkSpec network, InputSpec input) {
        return new ModelSpec(ModelSpec.FORMAT_VERSION, name, network, input, CLASSES, 0.1f,
                false, 0f, null, null, null, null, null);
    }

    /** Parameters of {@code network} for 28x28 grey input, initialised by DJL with the engine's seeded generator. */
    static byte[] randomParameters(NetworkSpec network) {
        return randomParameters(network, InputSpec.fashionMnist());
    }

    /** Parameters of {@code network} for {@code input}, initialised by DJL with the engine's seeded generator. */
    static byte[] randomParameters(NetworkSpec network, InputSpec input) {
        DjlRuntime.configure();
        try (Model model = Model.newInstance("tiny", Device.cpu(), "PyTorch")) {
            Block block = EmbeddingNetwork.build(network);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, input.channels(), input.height(), input.width()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Proxies randomProxies(int dimension, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[CLASSES.size()][dimension];
        for (float[] v : vectors) {
            for (int i = 0; i < dimension; i++) {
                v[i] = (float) random.nextGaussian();
            }
            VectorMath.normalize(v);
        }
        return new Proxies(CLASSES, vectors);
    }

    /** A complete bundle of the tiny network with random parameters. */
    static ModelBundle tiny() {
        return tiny("tiny", TINY, InputSpec.fashionMnist());
    }

    /** A complete bundle of {@code network} for {@code input} with random parameters. */
    static ModelBundle tiny(String name, NetworkSpec network, InputSpec input) {
        return ModelBundle.of(spec(name, network, input), randomParameters(network, input),
                randomProxies(network.embeddingSize(), 7));
    }
}
