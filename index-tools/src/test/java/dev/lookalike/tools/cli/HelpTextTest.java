package dev.lookalike.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.tools.LookalikeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    @Test
    void everySubcommandsHelpRendersWithoutFormatWarnings() {
        List<String> rendered = new ArrayList<>();
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine cli : commands(LookalikeCommand.commandLine())) {
                assertFalse(cli.getUsageMessage().isBlank(), cli.getCommandSpec().qualifiedName());
                rendered.add(cli.getCommandSpec().qualifiedName());
            }
        } finally {
            System.setErr(stderr);
        }
        // picocli formats each description with String.format: a bare '%' makes it warn and print the raw text.
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        assertTrue(rendered.contains("lookalike eval"), rendered.toString());
    }

    @Test
    void percentagesInTheHelpTextArePrintedAsWritten() {
        String help = LookalikeCommand.commandLine().getSubcommands().get("eval").getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(help.contains("55-100 % of the frame"), help);
        assertFalse(help.contains("%%"), help);
    }

    @Test
    void everyDescriptionLineIsAParagraphSoThatPicocliWrapsItAtTheTerminalsWidth() {
        // Prose lines that end mid-sentence were wrapped by hand and come out ragged at any other width.
        List<String> broken = new ArrayList<>();
        for (CommandLine cli : commands(LookalikeCommand.commandLine())) {
            if (cli.getCommand() instanceof CommandLine.HelpCommand) {
                continue; // picocli's own
            }
            for (String line : cli.getCommandSpec().usageMessage().description()) {
                boolean preformatted = line.startsWith(" ");
                if (!preformatted && !line.matches("(?s).*[.:]$")) {
                    broken.add(cli.getCommandSpec().qualifiedName() + ": " + line);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** The command and all its subcommands, depth first. */
    private static List<CommandLine> commands(CommandLine cli) {
        List<CommandLine> all = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }
}
