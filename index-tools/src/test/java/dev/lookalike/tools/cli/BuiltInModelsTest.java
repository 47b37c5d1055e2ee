package dev.lookalike.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.LookalikeCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class BuiltInModelsTest {

    @Test
    void theCandidatesAreTheBundlesBuiltIns() {
        assertEquals(ModelBundle.BUILT_IN, StreamSupport.stream(new BuiltInModels().spliterator(), false).toList());
    }

    @Test
    void everyModelOptionNamesEveryBuiltInModelInItsHelp() {
        List<String> checked = new ArrayList<>();
        collect(LookalikeCommand.commandLine(), checked);
        assertTrue(checked.containsAll(List.of("lookalike eval", "lookalike search", "lookalike whiten", "lookalike demo")),
                checked.toString());
    }

    private static void collect(CommandLine cli, List<String> checked) {
        OptionSpec model = cli.getCommandSpec().findOption("--model");
        if (model != null) {
            String help = String.join(" ", model.description());
            for (String name : ModelBundle.BUILT_IN) {
                assertTrue(help.contains(name), cli.getCommandSpec().qualifiedName() + " --model: " + help);
            }
            assertTrue(StreamSupport.stream(model.completionCandidates().spliterator(), false).toList()
                    .containsAll(ModelBundle.BUILT_IN), cli.getCommandSpec().qualifiedName());
            checked.add(cli.getCommandSpec().qualifiedName());
        }
        cli.getSubcommands().values().forEach(sub -> collect(sub, checked));
    }
}
