/**
 * Command-line machinery every command shares: the option mixins (model, dataset, a new model's input size, channels
 * and head, vector field, class lists),
 * progress bars, the error reporter with its exit codes, the report of skipped inputs and temporary folders.
 * Imports no other package of the command line.
 */
package dev.lookalike.tools.cli;
