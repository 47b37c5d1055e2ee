/**
 * {@code lookalike bench} and its subcommands, one class each: {@code search} (in-process Lucene),
 * {@code opensearch} (a running cluster, beside the k-NN plug-in), {@code embed} (DJL against raw libtorch) and
 * {@code ingest} (bulk ingest through the OpenSearch pipeline).
 */
package dev.lookalike.tools.command.bench;
