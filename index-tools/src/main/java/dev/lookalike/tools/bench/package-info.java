/**
 * Measurement shared by the benchmarks (latency percentiles and throughput) and the Fashion-MNIST PNG images the
 * node benchmarks send; the corpus they search and the benchmark of each target live in the sub-packages.
 */
package dev.lookalike.tools.bench;
