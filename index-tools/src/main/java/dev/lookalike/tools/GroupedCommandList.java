package dev.lookalike.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Renders the list of subcommands in {@code --help} under headings, in the order users reach for them (build
 * an index, search, evaluate, train, benchmark) instead of one flat list. A subcommand that no group names is
 * still listed, under "Other", so adding a command never hides it.
 */
final class GroupedCommandList implements IHelpSectionRenderer {

    /** Where a summary stops: the end of the first sentence or clause. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.:;](\\s|$)");

    private final Map<String, List<String>> groups;

    /**
     * @param groups headings, in order, each with the names of its subcommands in order
     */
    GroupedCommandList(Map<String, List<String>> groups) {
        this.groups = new LinkedHashMap<>(groups);
    }

    @Override
    public String render(Help help) {
        Map<String, Help> subcommands = help.subcommands();
        if (subcommands.isEmpty()) {
            return "";
        }
        Set<String> unlisted = new LinkedHashSet<>(subcommands.keySet());
        Map<String, List<String>> shown = new LinkedHashMap<>();
        groups.forEach((heading, names) -> {
            List<String> present = names.stream().filter(subcommands::containsKey).toList();
            unlisted.removeAll(present);
            if (!present.isEmpty()) {
                shown.put(heading, present);
            }
        });
        if (!unlisted.isEmpty()) {
            shown.put("Other", new ArrayList<>(unlisted));
        }
        int nameWidth = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        int width = help.commandSpec().usageMessage().width();
        StringBuilder out = new StringBuilder();
        shown.forEach((heading, names) -> {
            TextTable table = TextTable.forColumns(help.colorScheme(),
                    new Column(nameWidth, 2, Column.Overflow.SPAN),
                    new Column(Math.max(20, width - nameWidth), 0, Column.Overflow.WRAP));
            for (String name : names) {
                table.addRowValues(name, summary(subcommands.get(name)));
            }
            out.append(String.format("%n%s:%n", heading)).append(table);
        });
        return out.toString();
    }

    /** A subcommand's header when it has one (picocli's convention), else the first clause of its description. */
    private static String summary(Help help) {
        String[] header = help.commandSpec().usageMessage().header();
        String text = String.join(" ", header.length > 0 ? header : help.commandSpec().usageMessage().description())
                .replace("%n", " ").strip().replaceAll("\\s+", " ");
        Matcher clause = CLAUSE_END.matcher(text);
        return clause.find() ? text.substring(0, clause.start()) : text;
    }
}
