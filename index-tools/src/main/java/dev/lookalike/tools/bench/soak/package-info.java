/**
 * The soak of {@code lookalike bench soak}: several client threads send a mixed load to a running OpenSearch node
 * or cluster with the Lookalike plug-in (bulk ingest through the {@code image_embedding} pipeline, searches by
 * image, by vector and by document with filters and re-ranking, updates, deletes and catalogue-proxy refreshes),
 * keep a ledger of every write the node acknowledged, sample latency and the node's heap after GC per time window,
 * and at the end check the index against the ledger and the figures against the soak's goals. Talks to the node
 * through {@code dev.lookalike.tools.client}; knows nothing of the command line.
 */
package dev.lookalike.tools.bench.soak;
