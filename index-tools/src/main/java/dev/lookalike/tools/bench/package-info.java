/**
 * Measurement shared by the benchmarks (latency percentiles and throughput); the corpus they search and the
 * benchmark of each target live in the sub-packages.
 */
package dev.lookalike.tools.bench;
