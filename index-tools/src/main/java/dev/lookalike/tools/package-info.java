/**
 * The {@code lookalike} command line ({@link dev.lookalike.tools.LookalikeCommand}): one picocli class per
 * subcommand (train, embed, eval, bench, demo, catalogue, index, search, export-projector), the option mixins
 * they share, and the output formats (tables, JSON lines, HTML results pages, embedding projector exports).
 * An adapter over the analyzer and the search core: rules about embedding, indexing and similarity live
 * there, not here.
 */
package dev.lookalike.tools;
