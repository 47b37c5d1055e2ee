package dev.lookalike.tools.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of each kind of query, in process: Java Flight Recorder samples the thread while the kind runs
 * its queries again and again for a given time, alone; each sample is put in the {@link Phase} of the search it
 * was taken in (the innermost frame of the stack that names one), and, apart, counted as a dot product when its
 * innermost frames are Lucene's vector arithmetic. What {@code bench search --profile-seconds} prints: where each
 * kind's time goes. Costs the given seconds per kind, plus reading the recording.
 */
public final class SearchProfiler {

    /** JFR's sampling period of Java code while profiling: finer than the "profile" settings' 10 ms. */
    private static final java.time.Duration SAMPLE_PERIOD = java.time.Duration.ofMillis(1);
    /** How many innermost frames may be vector arithmetic for a sample to count as a dot product. */
    private static final int ARITHMETIC_DEPTH = 4;

    /** The parts of a search a sample can fall in, checked from the innermost frame outwards. */
    public enum Phase {
        /** Scoring every match of a filter (Lookalike's bulk scan, Lucene's exact search). */
        EXACT_SCAN("exact scan"),
        /** Lucene's HNSW graph search, with the distance computations it makes. */
        HNSW_WALK("HNSW walk"),
        /** Turning the filter into matches: bit sets, doc-id ranges, the filter cache, Lucene's filter bit set. */
        FILTER("filter"),
        /** Reading what scoring needs for each candidate: its cosine, distribution, BM25. */
        CANDIDATES("candidates"),
        /** The query's category prediction, distributions and re-ranking. */
        PROXIES("proxies, re-ranking"),
        /** Reading the hits' stored fields (ids, titles) for the answer. */
        STORED_FIELDS("stored fields"),
        /** Anything else: query building, sorting, collections, the benchmark's own loop. */
        OTHER("other");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** @return how the table names it */
        public String label() {
            return label;
        }
    }

    /**
     * One kind's profile.
     *
     * @param kind        the kind's label
     * @param samples     the samples taken while it ran
     * @param queries     the queries it ran meanwhile
     * @param shares      each phase's share of the samples, in {@link Phase} order
     * @param dotProducts the share of samples in Lucene's vector arithmetic, whatever phase
     * @param otherTop    the innermost methods most often sampled in {@link Phase#OTHER}, with their share of all
     *                    samples, e.g. {@code "TopDocs.merge 4.1 %"}, at most {@value #OTHER_SHOWN}
     */
    public record KindProfile(String kind, int samples, int queries, Map<Phase, Double> shares, double dotProducts,
            List<String> otherTop) {
    }

    /** How many of the methods sampled in {@link Phase#OTHER} a profile names. */
    static final int OTHER_SHOWN = 3;

    private final BenchSearches searches;

    /** @param searches runs the queries */
    public SearchProfiler(BenchSearches searches) {
        this.searches = searches;
    }

    /**
     * @param kind       what to profile
     * @param queries    the queries, run in turn until the time is up
     * @param categories each query's category filter for this kind, or {@code null} entries
     * @param seconds    how long to run it
     * @return its profile
     * @throws IOException if the index cannot be read or the recording cannot be written
     */
    public KindProfile profile(SearchKind kind, float[][] queries, String[] categories, double seconds)
            throws IOException {
        Path file = Files.createTempFile("lookalike-profile-", ".jfr");
        try {
            int ran = 0;
            try (Recording recording = new Recording(profileConfiguration())) {
                recording.enable("jdk.ExecutionSample").withPeriod(SAMPLE_PERIOD);
                recording.start();
                long end = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < end) {
                    int q = ran++ % queries.length;
                    searches.run(kind, queries[q], categories[q]);
                }
                recording.stop();
                recording.dump(file);
            }
            return summarise(kind.label(), ran, RecordingFile.readAllEvents(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Configuration profileConfiguration() throws IOException {
        try {
            return Configuration.getConfiguration("profile");
        } catch (ParseException e) {
            throw new IOException("the JDK's JFR 'profile' settings cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param kind    the kind's label
     * @param queries the queries run
     * @param events  the recording's events; only {@code jdk.ExecutionSample} of the calling thread's code count
     * @return the profile
     */
    static KindProfile summarise(String kind, int queries, List<RecordedEvent> events) {
        Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
        Map<String, Integer> others = new java.util.HashMap<>();
        int samples = 0;
        int arithmetic = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !inSearch(event.getStackTrace())) {
                continue;
            }
            samples++;
            Phase phase = phase(event.getStackTrace());
            counts.merge(phase, 1, Integer::sum);
            if (phase == Phase.OTHER && !event.getStackTrace().getFrames().isEmpty()) {
                RecordedFrame top = event.getStackTrace().getFrames().getFirst();
                String type = name(top);
                others.merge(type.substring(type.lastIndexOf('.') + 1) + "." + top.getMethod().getName(), 1,
                        Integer::sum);
            }
            if (inArithmetic(event.getStackTrace())) {
                arithmetic++;
            }
        }
        Map<Phase, Double> shares = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            shares.put(phase, samples == 0 ? 0 : (double) counts.getOrDefault(phase, 0) / samples);
        }
        int total = samples;
        List<String> otherTop = others.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(OTHER_SHOWN)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f %%", e.getKey(), 100.0 * e.getValue() / total))
                .toList();
        return new KindProfile(kind, samples, queries, shares, samples == 0 ? 0 : (double) arithmetic / samples,
                otherTop);
    }

    /** Whether the sample is of the benchmark's searching thread (other threads: JIT, GC, the progress bar). */
    private static boolean inSearch(RecordedStackTrace stack) {
        return stack.getFrames().stream().anyMatch(f -> name(f).startsWith(BenchSearches.class.getName()));
    }

    /** The phase of the innermost frame that names one. */
    static Phase phase(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            Phase phase = phase(name(frame), frame.getMethod().getName());
            if (phase != null) {
                return phase;
            }
        }
        return Phase.OTHER;
    }

    /**
     * @param type   a frame's class
     * @param method its method
     * @return the phase it names, or {@code null}
     */
    static Phase phase(String type, String method) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        if (simple.equals("ExactScan") || method.equals("exactSearch")) {
            return Phase.EXACT_SCAN;
        }
        if (type.startsWith("org.apache.lucene.util.hnsw.") || simple.endsWith("HnswVectorsReader")
                || method.equals("searchNearestVectors")) {
            return Phase.HNSW_WALK;
        }
        if (simple.equals("KnnFilter") || simple.equals("FilterBitSetCache") || simple.equals("SegmentMatches")
                || method.equals("createBitSet") || simple.equals("FilterQueries")) {
            return Phase.FILTER;
        }
        if (simple.equals("CandidateReader")) {
            return Phase.CANDIDATES;
        }
        if (simple.equals("ProxyAssignment") || simple.equals("ScoreFusion") || simple.equals("DistributionAgreement")
                || method.equals("predicted")) {
            return Phase.PROXIES;
        }
        if (simple.equals("HitReader") || simple.endsWith("StoredFieldsReader") || method.equals("storedFields")) {
            return Phase.STORED_FIELDS;
        }
        return null;
    }

    private static boolean inArithmetic(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < Math.min(ARITHMETIC_DEPTH, frames.size()); i++) {
            String type = name(frames.get(i));
            if (type.contains("VectorUtil") || type.contains("VectorScorer") || type.contains("jdk.incubator.vector")) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
    }
}
