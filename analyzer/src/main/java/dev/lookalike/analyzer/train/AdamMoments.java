package dev.lookalike.analyzer.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and sets the moments DJL's {@link Adam} keeps for each parameter (the running means of gradients and
 * of squared gradients), so that a checkpoint can carry them and a resumed run continue as if it had never
 * stopped. DJL exposes no API for an optimizer's state, so this reaches its two private maps by reflection;
 * it is tied to DJL 0.35's {@code Adam} (pinned in the root pom) and fails loudly if those fields change.
 */
final class AdamMoments {

    private static final Field MEANS = field("means");
    private static final Field VARIANCES = field("variances");

    private AdamMoments() {
    }

    private static Field field(String name) {
        try {
            Field f = Adam.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DJL's Adam has no field '" + name + "': another DJL version than the"
                    + " one this code was written for", e);
        }
    }

    /**
     * @param adam        an Adam optimizer
     * @param parameterId a parameter's id
     * @return its {mean, variance} on the CPU, or {@code null} before its first update
     */
    static NDArray[] get(Optimizer adam, String parameterId) {
        NDArray mean = state(MEANS, adam).getOrDefault(parameterId, Map.of()).get(Device.cpu());
        NDArray variance = state(VARIANCES, adam).getOrDefault(parameterId, Map.of()).get(Device.cpu());
        return mean == null || variance == null ? null : new NDArray[] {mean, variance};
    }

    /**
     * Gives a parameter moments before its first update, which Adam then continues from.
     *
     * @param adam        an Adam optimizer
     * @param parameterId a parameter's id
     * @param mean        the running mean of its gradients, on the CPU, owned by a manager that outlives training
     * @param variance    the running mean of its squared gradients, likewise
     */
    static void set(Optimizer adam, String parameterId, NDArray mean, NDArray variance) {
        state(MEANS, adam).computeIfAbsent(parameterId, id -> new ConcurrentHashMap<>())
                .put(Device.cpu(), mean);
        state(VARIANCES, adam).computeIfAbsent(parameterId, id -> new ConcurrentHashMap<>())
                .put(Device.cpu(), variance);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Device, NDArray>> state(Field field, Optimizer adam) {
        if (!(adam instanceof Adam)) {
            throw new IllegalArgumentException("not an Adam optimizer: " + adam.getClass().getName());
        }
        try {
            return (Map<String, Map<Device, NDArray>>) field.get(adam);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read DJL Adam's " + field.getName(), e);
        }
    }
}
