package dev.lookalike.tools.bench.soak;

/**
 * How each client thread loads the node.
 *
 * @param bulkSize           new documents per ingest bulk
 * @param documentsPerThread how many live documents a thread holds before its bulks also delete
 * @param deadlineNanos      when threads stop starting operations, on {@link System#nanoTime()}'s clock
 */
record SoakPlan(int bulkSize, int documentsPerThread, long deadlineNanos) {
}
