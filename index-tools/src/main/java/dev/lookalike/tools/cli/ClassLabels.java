package dev.lookalike.tools.cli;

import java.util.ArrayList;
import java.util.List;

/** The syntax of a {@code --classes} option: labels and ranges of labels, such as {@code 0-4,7}. */
public final class ClassLabels {

    private ClassLabels() {
    }

    /**
     * @param spec {@code null}, or a comma-separated list of labels and ranges such as {@code 0-4,7}
     * @return the labels, in order, without duplicates; empty for all
     * @throws IllegalArgumentException naming {@code --classes} and the bad part
     */
    public static List<Integer> parse(String spec) {
        List<Integer> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
                if (from < 0 || to < from) {
                    throw new NumberFormatException();
                }
                for (int c = from; c <= to; c++) {
                    if (!out.contains(c)) {
                        out.add(c);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--classes: \"" + p + "\" is not a label or a range such as 0-4");
            }
        }
        return out;
    }
}
