/**
 * {@code lookalike bench} and its subcommands, one class each: {@code search} (in-process Lucene),
 * {@code opensearch} (a running cluster, beside the k-NN plug-in), {@code embed} (DJL against raw libtorch),
 * {@code ingest} (bulk ingest through the OpenSearch pipeline) and {@code soak} (a mixed load on a running OpenSearch
 * node or cluster for minutes, then a check of every acknowledged write).
 */
package dev.lookalike.tools.command.bench;
