package dev.lookalike.tools.eval;

import dev.lookalike.tools.cli.ClassLabels;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which labels an evaluation covers.
 *
 * @param labels the labels, ascending
 * @param name   how to describe them, e.g. {@code classes 5-9 (unseen in training)}
 */
public record ClassSelection(List<Integer> labels, String name) {

    /**
     * @param spec    {@code all}, {@code seen}, {@code unseen}, a list such as {@code 5-9}, or {@code null}
     *                for the default (unseen when the model saw a subset, else all)
     * @param trained the labels the model was trained on, or {@code null} for a baseline
     * @param classes how many classes the dataset has
     * @return the selection
     */
    public static ClassSelection parse(String spec, List<Integer> trained, int classes) {
        List<Integer> all = IntStream.range(0, classes).boxed().toList();
        boolean subset = trained != null && !trained.containsAll(all);
        String s = spec == null ? (subset ? "unseen" : "all") : spec.trim();
        return switch (s) {
            case "all" -> new ClassSelection(all, "all classes");
            case "seen" -> new ClassSelection(trained == null ? all : trained.stream().sorted().toList(),
                    "classes seen in training");
            case "unseen" -> {
                List<Integer> unseen = trained == null ? List.of()
                        : all.stream().filter(c -> !trained.contains(c)).toList();
                if (unseen.isEmpty()) {
                    throw new IllegalArgumentException("--classes unseen: the model was trained on every class");
                }
                yield new ClassSelection(unseen, "classes " + unseen + " (unseen in training)");
            }
            default -> {
                List<Integer> list = ClassLabels.parse(s).stream().sorted().toList();
                for (int c : list) {
                    if (c >= classes) {
                        throw new IllegalArgumentException("--classes: label " + c + " is outside 0.." + (classes - 1));
                    }
                }
                yield new ClassSelection(list, "classes " + list);
            }
        };
    }

    /**
     * @param label a label
     * @return whether it is selected
     */
    public boolean contains(int label) {
        return labels.contains(label);
    }

    /** @return the description, for reports */
    public String describe() {
        return name;
    }
}
