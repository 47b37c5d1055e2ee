package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.model.ModelBundle;
import java.util.Iterator;

/**
 * The built-in model names, as picocli's completion candidates of every {@code --model} option: its help text
 * lists them through {@code ${COMPLETION-CANDIDATES}}, so the list has one home, {@link ModelBundle#BUILT_IN}.
 */
public final class BuiltInModels implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ModelBundle.BUILT_IN.iterator();
    }
}
