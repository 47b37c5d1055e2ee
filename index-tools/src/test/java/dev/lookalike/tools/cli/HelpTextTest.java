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
            render(LookalikeCommand.commandLine(), rendered);
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
        List<String> broken = new ArrayList<>();
        collectHandWrapped(LookalikeCommand.commandLine(), broken);
        assertEquals(List.of(), broken);
    }

    /** Prose lines that end mid-sentence were wrapped by hand and come out ragged at any other width. */
    private static void collectHandWrapped(CommandLine cli, List<String> broken) {
        if (!(cli.getCommand() instanceof CommandLine.HelpCommand)) {
            for (String line : cli.getCommandSpec().usageMessage().description()) {
                boolean preformatted = line.startsWith(" ");
                if (!preformatted && !line.matches("(?s).*[.:]$")) {
                    broken.add(cli.getCommandSpec().qualifiedName() + ": " + line);
                }
            }
        }
        cli.getSubcommands().values().forEach(sub -> collectHandWrapped(sub, broken));
    }

    private static void render(CommandLine cli, List<String> rendered) {
        String help = cli.getUsageMessage();
        assertFalse(help.isBlank(), cli.getCommandSpec().qualifiedName());
        rendered.add(cli.getCommandSpec().qualifiedName());
        cli.getSubcommands().values().forEach(sub -> render(sub, rendered));
    }
}
