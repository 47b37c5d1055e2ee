package dev.lookalike.tools.bench.soak;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every document the soak ever wrote, as the node last acknowledged it: its expected content, or that it was
 * deleted. A document whose last write got neither an acknowledgement nor a refusal (an error answer, no answer)
 * may or may not have changed; it is set aside as uncertain and never written again. Each document belongs to one
 * client thread, which writes it one request at a time, so that the order of acknowledgements is the order of
 * the writes. Thread-safe.
 */
final class WriteLedger {

    /**
     * A document as the node acknowledged it.
     *
     * @param rev      how many times it was written, from 1
     * @param title    its title (which names its revision)
     * @param category its category
     * @param image    the Fashion-MNIST image it was last embedded from, by index in the soak's sample
     * @param deleted  whether its last acknowledged write was a delete
     */
    record Expected(long rev, String title, String category, int image, boolean deleted) {
    }

    private final Map<String, Expected> documents = new ConcurrentHashMap<>();
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();

    /**
     * @param id       the document
     * @param expected what the node acknowledged writing
     */
    void written(String id, Expected expected) {
        documents.put(id, expected);
    }

    /** @param id a document whose delete the node acknowledged */
    void deleted(String id) {
        documents.compute(id, (key, before) -> before == null ? new Expected(0, null, null, -1, true)
                : new Expected(before.rev(), before.title(), before.category(), before.image(), true));
    }

    /** @param id a document whose last write may or may not have happened */
    void uncertain(String id) {
        uncertain.add(id);
    }

    /**
     * @param id a document
     * @return what the node last acknowledged, or {@code null} if nothing
     */
    Expected expected(String id) {
        return documents.get(id);
    }

    /** @return every acknowledged document and its expected state, uncertain ones included */
    Map<String, Expected> documents() {
        return Map.copyOf(documents);
    }

    /** @return the documents whose state is not known */
    Set<String> uncertainIds() {
        return Set.copyOf(uncertain);
    }
}
