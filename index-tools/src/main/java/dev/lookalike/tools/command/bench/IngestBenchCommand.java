package dev.lookalike.tools.command.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.model.BatchEmbedding;
import dev.lookalike.analyzer.model.Embedder;
import dev.lookalike.analyzer.model.ImageSource;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.tools.bench.FashionPngs;
import dev.lookalike.tools.cli.JsonReportOption;
import dev.lookalike.tools.cli.ModelOptions;
import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookalike bench ingest}: images/s of a bulk load of images through the Lookalike plug-in's
 * {@code image_embedding} ingest pipeline, at each of several {@code batch_size}s, next to the obvious alternative
 * of embedding the images on the client and bulk-loading the vectors, on one running node, in the same run. Every
 * way loads the same PNG images in the same bulk requests into a fresh index, and every document must be indexed.
 * Exit codes: 0 when it ran, 1 when the node failed a request or refused a document, 2 for bad options.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Throughput of a bulk load of PNG images (Fashion-MNIST test images, base64 in the"
                + " documents) through the Lookalike plug-in's image_embedding pipeline at each --batch-sizes, next to"
                + " embedding them on the client (this command's --model) and bulk-loading the vectors, on one running"
                + " node, in the same run. Each way loads the same documents in the same bulk requests into a fresh"
                + " index (one shard, no replica) and must index all of them; a warm-up bulk of one request first loads"
                + " the node's model. The indices and pipelines are deleted.",
            "Examples:",
            "  lookalike bench ingest --url http://localhost:9200",
            "  lookalike bench ingest --url http://localhost:9200 --images 5000 --batch-sizes 1,8,32"})
final class IngestBenchCommand implements Callable<Integer> {

    static final String INDEX = "lookalike-bench-ingest";
    static final String PIPELINE = "lookalike-bench-ingest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The OpenSearch node, with the Lookalike plug-in, e.g. http://localhost:9200.")
    URI url;

    @Option(names = "--images", defaultValue = "2000",
            description = "How many Fashion-MNIST test images to load each way. Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--bulk-size", defaultValue = "200", paramLabel = "N",
            description = "Documents per bulk request. Default: ${DEFAULT-VALUE}.")
    int bulkSize;

    @Option(names = "--batch-sizes", defaultValue = "1,16", split = ",", paramLabel = "B[,B…]",
            description = "The pipeline's batch_size for each pipeline run (1: one forward pass per image, as"
                    + " before batching). Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes;

    @Mixin
    JsonReportOption json;

    /**
     * One way of loading.
     *
     * @param way       how the table names it
     * @param batchSize the pipeline's batch_size, 0 for the client-side way
     * @param seconds   from the first bulk request sent to the last answered (client-side: embedding included)
     * @param imagesPerSecond images indexed per second
     */
    record Way(String way, int batchSize, double seconds, double imagesPerSecond) {
    }

    /**
     * Every figure of a run.
     *
     * @param url       the node
     * @param model     the node's model
     * @param images    images per way
     * @param bulkSize  documents per bulk request
     * @param cores     this machine's processors
     * @param ways      one entry per way, in the order run
     */
    record Result(String url, String model, int images, int bulkSize, int cores, List<Way> ways) {
    }

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        NodeHttp http = new NodeHttp("OpenSearch", url, Duration.ofMinutes(30));
        String nodeModel = http.expectOk("GET", "/_plugins/lookalike/model", null).path("name").asText();
        ModelBundle bundle = model.bundle();
        int dimension = bundle.spec().network().embeddingSize();
        List<byte[]> pngs = FashionPngs.sample(images, 1).pngs();
        List<String> bulks = bulks(pngs, i -> imageDocument(pngs.get(i)));
        List<Way> ways = new ArrayList<>();
        for (int batchSize : batchSizes) {
            http.expectOk("PUT", "/_ingest/pipeline/" + PIPELINE, pipeline(batchSize));
            try {
                createIndex(http, dimension);
                load(http, bulks.subList(0, 1), "?pipeline=" + PIPELINE, null);
                createIndex(http, dimension);
                err.println("loading " + images + " images through the pipeline, batch_size " + batchSize);
                long start = System.nanoTime();
                load(http, bulks, "?pipeline=" + PIPELINE, err);
                ways.add(way("image_embedding pipeline, batch_size " + batchSize, batchSize, start));
            } finally {
                http.send("DELETE", "/" + INDEX, null);
                http.send("DELETE", "/_ingest/pipeline/" + PIPELINE, null);
            }
        }
        try (Embedder embedder = model.embedder(bundle)) {
            createIndex(http, dimension);
            List<ImageSource> sources = new ArrayList<>();
            for (int i = 0; i < pngs.size(); i++) {
                sources.add(ImageSource.of("image " + i, pngs.get(i)));
            }
            // Warmed up as the node's model is: loading libtorch is not part of the load.
            embedder.embedImages(sources.subList(0, Math.min(sources.size(), bulkSize)), done -> { });
            err.println("embedding " + images + " images here (" + bundle.spec().name() + ") and loading the vectors");
            long start = System.nanoTime();
            BatchEmbedding embedded = embedder.embedImages(sources, done -> { });
            if (!embedded.skipped().isEmpty()) {
                throw new IllegalStateException("benchmark images were skipped: " + embedded.skipped().get(0).reason());
            }
            load(http, bulks(pngs, i -> vectorDocument(embedded.vectors().get(i))), "", err);
            ways.add(way("client embeds (--model " + bundle.spec().name() + "), bulk of vectors", 0, start));
        } finally {
            http.send("DELETE", "/" + INDEX, null);
        }
        Result result = new Result(url.toString(), nodeModel, images, bulkSize, Runtime.getRuntime().availableProcessors(),
                ways);
        print(spec.commandLine().getOut(), result);
        json.write(result);
        return 0;
    }

    private void validate() {
        if (images < 1 || bulkSize < 1) {
            throw new IllegalArgumentException("--images and --bulk-size must be positive, got " + images + " and "
                    + bulkSize);
        }
        if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("--batch-sizes must be positive integers, got " + batchSizes);
        }
        NodeHttp.requireNodeAddress(url);
    }

    private Way way(String label, int batchSize, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Way(label, batchSize, seconds, images / seconds);
    }

    private List<String> bulks(List<byte[]> pngs, IntFunction<ObjectNode> document) throws IOException {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < pngs.size(); from += bulkSize) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(pngs.size(), from + bulkSize); i++) {
                bulk.append("{\"index\": {\"_id\": \"").append(i).append("\"}}\n")
                        .append(JSON.writeValueAsString(document.apply(i))).append('\n');
            }
            out.add(bulk.toString());
        }
        return out;
    }

    private static ObjectNode imageDocument(byte[] png) {
        return JSON.createObjectNode().put("image", Base64.getEncoder().encodeToString(png));
    }

    private static ObjectNode vectorDocument(float[] vector) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode array = doc.putArray("embedding");
        for (float x : vector) {
            array.add(x);
        }
        return doc;
    }

    private static String pipeline(int batchSize) {
        return "{\"description\": \"lookalike bench ingest\", \"processors\": [{\"image_embedding\": {\"field\": "
                + "\"image\", \"target_field\": \"embedding\", \"remove_image\": true, \"batch_size\": " + batchSize + "}}]}";
    }

    private static void createIndex(NodeHttp http, int dimension) throws IOException {
        http.send("DELETE", "/" + INDEX, null);
        http.expectOk("PUT", "/" + INDEX, "{\"settings\": {\"number_of_shards\": 1, \"number_of_replicas\": 0}, "
                + "\"mappings\": {\"properties\": {\"embedding\": {\"type\": \"image_vector\", \"dims\": " + dimension
                + "}}}}");
    }

    /** Sends the bulk requests in turn; any document the node refuses is an error naming it. */
    private void load(NodeHttp http, List<String> bulks, String query, PrintWriter err) throws IOException {
        int done = 0;
        try (Progress progress = err == null ? null : new Progress("bulk", images, "img")) {
            for (String bulk : bulks) {
                JsonNode answer = http.expectOk("POST", "/" + INDEX + "/_bulk" + query, bulk);
                for (JsonNode item : answer.path("items")) {
                    JsonNode index = item.path("index");
                    if (index.path("status").asInt() / 100 != 2) {
                        throw new IOException("document " + index.path("_id").asText() + " was refused ("
                                + index.path("status").asInt() + "): " + index.path("error").path("reason").asText());
                    }
                    done++;
                }
                if (progress != null) {
                    progress.accept(done);
                }
            }
        }
    }

    private static void print(PrintWriter out, Result r) {
        out.printf(Locale.ROOT, "%,d PNG images (%s on the node), bulks of %d documents, %d cores, one client thread%n",
                r.images(), r.model(), r.bulkSize(), r.cores());
        out.printf(Locale.ROOT, "%-58s %9s %9s %8s%n", "way", "seconds", "images/s", "vs first");
        double first = r.ways().get(0).imagesPerSecond();
        for (Way w : r.ways()) {
            out.printf(Locale.ROOT, "%-58s %9.1f %9.0f %7.2fx%n", w.way(), w.seconds(), w.imagesPerSecond(),
                    w.imagesPerSecond() / first);
        }
        out.flush();
    }
}
