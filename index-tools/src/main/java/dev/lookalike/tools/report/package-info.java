/**
 * Results people judge by eye or by script: the HTML results page (each query beside its results), the
 * results table and JSON lines printed by {@code search}, the embedding map PNG (first two principal
 * components, one colour per category), and line charts over time such as the soak's latency and heap.
 */
package dev.lookalike.tools.report;
