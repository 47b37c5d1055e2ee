/**
 * The {@code lookalike} command line's entry point ({@link dev.lookalike.tools.LookalikeCommand}): the subcommands,
 * grouped in {@code --help} the way users think of them (build an index, search, evaluate, train, benchmark).
 * An adapter over the analyzer and the search core: rules about embedding, indexing and similarity live there.
 * The packages below import each other in one direction: {@code command} uses the machinery packages
 * ({@code catalogue}, {@code search}, {@code eval}, {@code report}, {@code bench}, {@code client}), which use
 * {@code cli}; none imports a command.
 */
package dev.lookalike.tools;
