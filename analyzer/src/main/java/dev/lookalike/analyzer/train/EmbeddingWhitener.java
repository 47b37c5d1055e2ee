package dev.lookalike.analyzer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.model.DjlRuntime;
import dev.lookalike.analyzer.model.EmbeddingNetwork;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ModelSpec;
import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.analyzer.model.WhiteningProvenance;
import dev.lookalike.analyzer.preprocess.Preprocessor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whitens a trained bundle's embedding: fits a {@link Whitening} to the network's raw outputs on images of
 * the classes the model knows, folds it into the network's projection layer ({@code W ↦ M·W},
 * {@code b ↦ M·(b − μ)}), and replaces the proxies by the normalised means of each class's whitened
 * embeddings, so that everything downstream (mirror averaging, proxy anchoring, indexes, engines) sees
 * the whitened space without a new step at inference.
 *
 * <p>A bundle that averages each image with its mirror image is fitted on both views, as it embeds them.
 *
 * <p>It is meant for models searched over classes they were not trained on: on Fashion-MNIST's classes
 * 5–9, a model trained on classes 0–4 retrieves better once the directions its training classes barely
 * used are scaled up (see docs/quality.md). The spec's re-ranking weight and proxy anchoring are kept as they are.
 *
 * <p>Costs one forward pass over the fitting images and an eigen-decomposition of a d×d matrix.
 */
public final class EmbeddingWhitener {

    private EmbeddingWhitener() {
    }

    /**
     * @param bundle    a bundle that is not whitened yet
     * @param data      images to fit on; those of classes the model does not know are left out
     * @param shrinkage the variance floor, see {@link Whitening}, in (0, 1]
     * @param listener  hears progress and skipped images
     * @return the whitened bundle, same name, new parameters and proxies, its spec recording the whitening
     * @throws AnalyzerInputException if the bundle is already whitened, the shrinkage is out of range, a class
     *                                of the model has no image in {@code data}, or there are too few images
     */
    public static ModelBundle whiten(ModelBundle bundle, LabelledDataset data, float shrinkage,
            WhiteningListener listener) {
        ModelSpec spec = bundle.spec();
        if (spec.whitening() != null) {
            throw new AnalyzerInputException("model " + spec.name(), "is already whitened (fitted on "
                    + spec.whitening().dataset() + " at " + spec.whitening().fittedAt()
                    + "); whiten the bundle it was made from instead");
        }
        Whitening.requireShrinkage("shrinkage", shrinkage);
        Preprocessor preprocessor = new Preprocessor(spec.input());
        PreparedImages images = PreparedImages.of(data, datasetLabels(spec.classes(), data), preprocessor,
                listener::info);
        requireEveryClass(images, spec.classes(), data);
        List<PreparedImages> views = spec.mirrorAverage()
                ? List.of(images, images.mirrored(preprocessor)) : List.of(images);
        int total = views.size() * images.size();
        DjlRuntime.configure();
        try (Model model = Model.newInstance(spec.name(), Device.cpu(), "PyTorch")) {
            Block network = EmbeddingNetwork.load(bundle, model.getNDManager());
            List<float[][]> raw = new ArrayList<>();
            for (PreparedImages view : views) {
                int before = raw.size() * images.size();
                raw.add(HeadOutputs.compute(network, view, spec.input(), spec.embeddingSize(),
                        model.getNDManager(), done -> listener.imagesEmbedded(before + done, total)));
            }
            float[][] rows = raw.stream().flatMap(Arrays::stream).toArray(float[][]::new);
            Whitening whitening = Whitening.fit(rows, shrinkage);
            fold(EmbeddingNetwork.projection(network), whitening);
            ByteArrayOutputStream parameters = new ByteArrayOutputStream();
            network.saveParameters(new DataOutputStream(parameters));
            Proxies proxies = new Proxies(spec.classes(),
                    classMeans(raw, images.labels(), whitening, spec.classes().size()));
            WhiteningProvenance provenance = new WhiteningProvenance(data.description(), images.size(), shrinkage,
                    Instant.now().toString());
            return ModelBundle.of(spec.withWhitening(provenance), parameters.toByteArray(), proxies);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the whitened parameters", e);
        }
    }

    /** The dataset's label of each of the model's classes, in the model's order; every class must be there. */
    private static List<Integer> datasetLabels(List<String> modelClasses, LabelledDataset data) {
        List<Integer> labels = new ArrayList<>();
        for (String name : modelClasses) {
            int label = data.classNames().indexOf(name);
            if (label < 0) {
                throw new AnalyzerInputException(data.description(), "has no images of the model's class \"" + name
                        + "\"; whitening is fitted on images of the classes the model knows " + modelClasses);
            }
            labels.add(label);
        }
        return labels;
    }

    private static void requireEveryClass(PreparedImages images, List<String> classes, LabelledDataset data) {
        int[] counts = new int[classes.size()];
        for (int label : images.labels()) {
            counts[label]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new AnalyzerInputException(data.description(), "has no usable image of the model's class \""
                        + classes.get(c) + "\", which needs one to place its proxy");
            }
        }
    }

    /** Rewrites the projection {@code y = W x + b} into {@code M (W x + b − μ)}. */
    private static void fold(Linear projection, Whitening whitening) {
        NDArray weight = projection.getParameters().get("weight").getArray();
        NDArray bias = projection.getParameters().get("bias").getArray();
        int d = whitening.dimension();
        int in = (int) weight.getShape().get(1);
        float[] w = weight.toFloatArray();
        float[] b = bias.toFloatArray();
        double[][] m = whitening.matrix();
        double[] mean = whitening.mean();
        float[] folded = new float[d * in];
        float[] shifted = new float[d];
        for (int r = 0; r < d; r++) {
            double shift = 0;
            for (int k = 0; k < d; k++) {
                shift += m[r][k] * (b[k] - mean[k]);
            }
            shifted[r] = (float) shift;
            for (int c = 0; c < in; c++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += m[r][k] * w[k * in + c];
                }
                folded[r * in + c] = (float) sum;
            }
        }
        weight.set(FloatBuffer.wrap(folded));
        bias.set(FloatBuffer.wrap(shifted));
    }

    /**
     * One unit vector per class: the normalised mean of its images' embeddings as the whitened bundle makes
     * them (each view whitened and normalised, views averaged and normalised).
     */
    private static float[][] classMeans(List<float[][]> views, int[] labels, Whitening whitening, int classes) {
        float[][] sums = new float[classes][whitening.dimension()];
        for (int i = 0; i < labels.length; i++) {
            float[] v = new float[whitening.dimension()];
            for (float[][] view : views) {
                v = VectorMath.sum(v, VectorMath.normalize(whitening.apply(view[i])));
            }
            VectorMath.normalize(v);
            for (int j = 0; j < v.length; j++) {
                sums[labels[i]][j] += v[j];
            }
        }
        for (float[] sum : sums) {
            VectorMath.normalize(sum);
        }
        return sums;
    }
}
