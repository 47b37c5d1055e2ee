/**
 * Command-line machinery every command shares: the option mixins (model, dataset, vector field, class lists),
 * progress bars, the error reporter with its exit codes, the report of skipped inputs and temporary folders.
 * Imports no other package of the command line.
 */
package dev.lookalike.tools.cli;
