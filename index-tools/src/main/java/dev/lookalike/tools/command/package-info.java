/**
 * One picocli class per subcommand: {@code catalogue}, {@code demo}, {@code embed}, {@code eval},
 * {@code export-projector}, {@code index}, {@code search}, {@code train} and {@code whiten}. A command parses
 * and checks its options, then calls the machinery of its kind in the sibling packages and the analyzer or core.
 */
package dev.lookalike.tools.command;
