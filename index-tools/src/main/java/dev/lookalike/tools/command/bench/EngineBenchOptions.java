package dev.lookalike.tools.command.bench;

import dev.lookalike.tools.bench.corpus.BenchCorpusOptions;
import dev.lookalike.tools.cli.DatasetOptions;
import dev.lookalike.tools.cli.JsonReportOption;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.client.NodeHttp;
import java.net.URI;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the benchmarks of a running engine (OpenSearch, Solr) share: the node, the model and dataset the corpus
 * is embedded from, the corpus and query options, the HNSW settings of the index they build, whether to replace
 * what an earlier run left, and the JSON report.
 */
final class EngineBenchOptions {

    @Mixin
    ModelOptions model;

    @Mixin
    DatasetOptions data;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The node: OpenSearch's e.g. http://localhost:9200, Solr's e.g. http://localhost:8983.")
    URI url;

    @Mixin
    BenchCorpusOptions corpus;

    @Mixin
    HnswBuildOptions hnsw;

    @Option(names = "--replace", description = "Delete what an earlier run left on the node instead of refusing.")
    boolean replace;

    @Mixin
    JsonReportOption json;

    /** @throws IllegalArgumentException naming the first option that is out of range */
    void validate() {
        corpus.validate();
        hnsw.validate();
        NodeHttp.requireNodeAddress(url);
    }
}
