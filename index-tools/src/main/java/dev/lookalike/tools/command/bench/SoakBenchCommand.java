package dev.lookalike.tools.command.bench;

import dev.lookalike.tools.bench.soak.SoakResult;
import dev.lookalike.tools.bench.soak.SoakRun;
import dev.lookalike.tools.bench.soak.SoakSettings;
import dev.lookalike.tools.bench.soak.SoakSummary;
import dev.lookalike.tools.cli.JsonReportOption;
import dev.lookalike.tools.report.SoakPlot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike bench soak}: a mixed load from several client threads on a running OpenSearch node or cluster
 * with the Lookalike plug-in for some minutes, then a check that the index holds every acknowledged write as last
 * written and no acknowledged delete, and a verdict on the soak's goals. Exit codes: 0 when every goal was met,
 * 1 when one was not (or the node failed the set-up or the check), 2 for bad options.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"A soak of a running OpenSearch node (or cluster) with the Lookalike plug-in:"
                + " --threads client threads send a mixed load for --minutes: bulk ingest of Fashion-MNIST PNGs through"
                + " an image_embedding pipeline; image_knn searches by image (category filter, proxy re-ranking), by"
                + " vector (text filter, weighted re-ranking) and like a document (bool filter); partial updates,"
                + " rewrites with a new image and deletes of the threads' own documents; and a catalogue-proxy refresh"
                + " every --refresh-seconds. A 429 is retried with a back-off; any other error is a failure. Every"
                + " --window-seconds it records search and write latency (p50, p99, HdrHistogram) and each node's old"
                + " generation right after its last collection (_nodes/stats/jvm last_gc_stats). At the end every"
                + " document ever acknowledged is fetched and compared with its last acknowledged write. Goals: no"
                + " failure but 429s, every operation ran, no lost, stale or resurrected document, heap after GC flat"
                + " over the last 80 %% (least-squares slope against its noise), p99 of the last fifth at most"
                + " --max-p99-drift times the first's.",
            "The index and pipeline (--index) are replaced at the start and deleted at the end.",
            "Examples:",
            "  lookalike bench soak --url http://localhost:9200 --minutes 10 --json soak.json --png soak.png",
            "  lookalike bench soak --url http://a:9200 --url http://b:9200 --shards 3 --replicas 1"})
final class SoakBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "A node with the Lookalike plug-in, e.g. http://localhost:9200; repeat it to spread the"
                    + " requests over several nodes of a cluster (the first also answers the stats).")
    List<URI> urls;

    @Option(names = "--minutes", defaultValue = "10", description = "How long the load runs. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--threads", defaultValue = "4", description = "Client threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--window-seconds", defaultValue = "5", paramLabel = "S",
            description = "Length of a window of latency and heap figures. Default: ${DEFAULT-VALUE}.")
    int windowSeconds;

    @Option(names = "--bulk-size", defaultValue = "10", paramLabel = "N",
            description = "New documents per ingest bulk. Default: ${DEFAULT-VALUE}.")
    int bulkSize;

    @Option(names = "--documents", defaultValue = "5000", paramLabel = "N",
            description = "Documents the index holds once full; then each bulk deletes as many as it adds."
                    + " Default: ${DEFAULT-VALUE}.")
    int documents;

    @Option(names = "--refresh-seconds", defaultValue = "10", paramLabel = "S",
            description = "Time between catalogue-proxy refreshes. Default: ${DEFAULT-VALUE}.")
    int refreshSeconds;

    @Option(names = "--images", defaultValue = "2000", paramLabel = "N",
            description = "Fashion-MNIST test images documents and searches are made of. Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--shards", defaultValue = "1", description = "Primary shards. Default: ${DEFAULT-VALUE}.")
    int shards;

    @Option(names = "--replicas", defaultValue = "0", description = "Replicas. Default: ${DEFAULT-VALUE}.")
    int replicas;

    @Option(names = "--max-p99-drift", defaultValue = "1.5", paramLabel = "X",
            description = "How many times the first fifth's p99 the last fifth's may be. Default: ${DEFAULT-VALUE}.")
    double maxP99Drift;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--index", defaultValue = "lookalike-soak",
            description = "The index (and pipeline) the soak creates and deletes. Default: ${DEFAULT-VALUE}.")
    String index;

    @Option(names = "--keep-index", description = "Keep the index and its pipeline afterwards.")
    boolean keepIndex;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Also plot search and write latency (p50, p99) and heap over time to this PNG.")
    Path png;

    @Mixin
    JsonReportOption json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SoakSettings settings = new SoakSettings(urls, index, threads, minutes, windowSeconds, bulkSize, documents,
                refreshSeconds, images, shards, replicas, seed, maxP99Drift, keepIndex);
        settings.validate();
        SoakResult result = new SoakRun(settings, spec.commandLine().getErr()).run();
        json.write(result);
        if (png != null) {
            SoakPlot.write(result, png);
        }
        SoakSummary.print(spec.commandLine().getOut(), result);
        return result.passed() ? 0 : 1;
    }
}
