package dev.lookalike.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;

class GroupedCommandListTest {

    @Test
    void helpListsEverySubcommandOnceUnderItsGroupInOrder() {
        CommandLine cli = LookalikeCommand.commandLine();
        String help = usage(cli);
        List<String> listed = new ArrayList<>();
        String heading = null;
        List<String> headings = new ArrayList<>();
        for (String line : help.split("\\R")) {
            if (LookalikeCommand.GROUPS.containsKey(line.replace(":", ""))) {
                heading = line.replace(":", "");
                headings.add(heading);
                continue;
            }
            Matcher m = Pattern.compile("^  (\\S+)\\s{2,}\\S").matcher(line);
            if (heading != null && m.find() && cli.getSubcommands().containsKey(m.group(1))) {
                listed.add(m.group(1));
                assertTrue(LookalikeCommand.GROUPS.get(heading).contains(m.group(1)), m.group(1) + " under " + heading);
            }
        }
        assertEquals(List.copyOf(LookalikeCommand.GROUPS.keySet()), headings, help);
        assertEquals(cli.getSubcommands().keySet().stream().sorted().toList(), listed.stream().sorted().toList(), help);
        assertEquals(List.of("catalogue", "embed", "index"), listed.subList(0, 3), help);
    }

    @Test
    void aSubcommandNoGroupNamesIsListedUnderOther() {
        CommandLine cli = new CommandLine(new Root());
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                new GroupedCommandList(Map.of("Known", List.of("known"))));
        String help = usage(cli);
        assertTrue(help.matches("(?s).*Known:\\R  known\\s+the known one.*Other:\\R  stray\\s+a stray one.*"), help);
    }

    private static String usage(CommandLine cli) {
        StringWriter out = new StringWriter();
        cli.usage(new PrintWriter(out));
        return out.toString();
    }

    @Command(name = "root", subcommands = {Known.class, Stray.class})
    static final class Root {
    }

    @Command(name = "known", description = "the known one")
    static final class Known {
    }

    @Command(name = "stray", description = "a stray one")
    static final class Stray {
    }
}
