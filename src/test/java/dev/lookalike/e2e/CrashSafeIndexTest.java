package dev.lookalike.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.search.index.IndexSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline build killed in the middle: {@code lookalike index} is sent SIGKILL once it has committed part of a
 * catalogue; the index then opens, holds every item it had committed before the kill (and only catalogue items,
 * each once), and the same command run again completes it.
 */
class CrashSafeIndexTest {

    private static final int ITEMS = 2500;

    @TempDir
    Path dir;

    @Test
    void aBuildKilledMidwayKeepsWhatItCommittedAndARerunCompletesIt() throws Exception {
        LookalikeCli.Result catalogue = LookalikeCli.run("catalogue", "--out", dir.resolve("cat").toString(),
                "--limit", String.valueOf(ITEMS));
        assertEquals(0, catalogue.exitCode(), catalogue::toString);
        Path index = dir.resolve("idx");
        String[] build = {"index", "--catalogue", dir.resolve("cat/catalogue.jsonl").toString(), "--index",
            index.toString(), "--commit-every", "200"};

        List<String> command = new ArrayList<>(List.of(LookalikeCli.repo().resolve("lookalike").toString()));
        command.addAll(List.of(build));
        Process indexing = new ProcessBuilder(command).directory(LookalikeCli.repo().toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("index.log").toFile()).start();
        int seenCommitted = 0;
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (seenCommitted == 0 && indexing.isAlive() && Instant.now().isBefore(deadline)) {
                seenCommitted = committed(index).size();
                Thread.sleep(50);
            }
        } finally {
            indexing.destroyForcibly();
            indexing.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(seenCommitted > 0, "a commit was seen before the build ended: " + Files.readString(
                dir.resolve("index.log")));
        assertTrue(seenCommitted < ITEMS, "killed midway, after " + seenCommitted + " of " + ITEMS + " items");

        Set<String> afterKill = committed(index);
        assertTrue(afterKill.size() >= seenCommitted, "everything committed before the kill is there: "
                + afterKill.size() + " < " + seenCommitted);
        assertTrue(afterKill.stream().allMatch(id -> id.startsWith("test-")), "only catalogue items");

        LookalikeCli.Result rerun = LookalikeCli.run(build);
        assertEquals(0, rerun.exitCode(), rerun::toString);
        Set<String> complete = committed(index);
        assertEquals(ITEMS, complete.size(), "the rerun completes the index");
        assertTrue(complete.containsAll(afterKill));
    }

    /** The ids of the index's committed, live items; empty while it has no commit. Fails on a duplicate id. */
    private static Set<String> committed(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return Set.of();
        }
        try (Directory directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Set.of();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Set<String> ids = new HashSet<>();
                for (var leaf : reader.leaves()) {
                    StoredFields stored = leaf.reader().storedFields();
                    var live = leaf.reader().getLiveDocs();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            String id = stored.document(doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID);
                            assertTrue(ids.add(id), "item " + id + " is in the index twice");
                        }
                    }
                }
                return ids;
            }
        }
    }
}
