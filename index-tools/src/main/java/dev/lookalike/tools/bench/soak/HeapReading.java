package dev.lookalike.tools.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One node's heap at one moment, from {@code GET _nodes/stats/jvm}. {@code oldAfterGcMb} is the old generation's
 * occupancy right after the last collection that covered it ({@code jvm.mem.pools.old.last_gc_stats}, the JVM's
 * {@code MemoryPoolMXBean.getCollectionUsage()}): with G1, the end of a concurrent marking cycle, a mixed or a full
 * collection; young collections do not update it. It is the long-lived data the node keeps, what a leak grows,
 * without the sawtooth of short-lived garbage that {@code heapUsedMb} shows.
 *
 * @param node           the node's name
 * @param heapUsedMb     heap in use now, garbage included
 * @param heapMaxMb      the maximum heap
 * @param oldAfterGcMb   the old generation right after its last collection
 * @param oldCollections collections so far by the collectors other than the young one (G1's concurrent cycles,
 *                       full collections): when this grows, {@code oldAfterGcMb} is new
 */
public record HeapReading(String node, double heapUsedMb, double heapMaxMb, double oldAfterGcMb,
        long oldCollections) {

    private static final double MB = 1024 * 1024;

    /**
     * @param stats the answer of {@code GET _nodes/stats/jvm}
     * @return one reading per node, by name
     */
    static List<HeapReading> parse(JsonNode stats) {
        List<HeapReading> out = new ArrayList<>();
        for (Iterator<JsonNode> nodes = stats.path("nodes").elements(); nodes.hasNext(); ) {
            JsonNode node = nodes.next();
            JsonNode jvm = node.path("jvm");
            JsonNode mem = jvm.path("mem");
            long collections = 0;
            for (Iterator<Map.Entry<String, JsonNode>> c = jvm.path("gc").path("collectors").fields(); c.hasNext(); ) {
                Map.Entry<String, JsonNode> collector = c.next();
                if (!collector.getKey().equals("young")) {
                    collections += collector.getValue().path("collection_count").asLong();
                }
            }
            out.add(new HeapReading(node.path("name").asText(), mem.path("heap_used_in_bytes").asLong() / MB,
                    mem.path("heap_max_in_bytes").asLong() / MB,
                    mem.path("pools").path("old").path("last_gc_stats").path("used_in_bytes").asLong() / MB,
                    collections));
        }
        out.sort((a, b) -> a.node().compareTo(b.node()));
        return out;
    }
}
