package dev.lookalike.tools.bench.soak;

/**
 * One action of a soak's bulk request: a new document through the pipeline, or a delete.
 *
 * @param id       the document
 * @param expected the document to index, or {@code null} for a delete
 */
record BulkAction(String id, WriteLedger.Expected expected) {

    static BulkAction index(String id, WriteLedger.Expected expected) {
        return new BulkAction(id, expected);
    }

    static BulkAction delete(String id) {
        return new BulkAction(id, null);
    }

    /** @return whether it deletes */
    boolean deletes() {
        return expected == null;
    }

    /**
     * @param bulk     the bulk body to append its lines to
     * @param requests how documents are written
     */
    void appendTo(StringBuilder bulk, SoakRequests requests) {
        bulk.append("{\"").append(deletes() ? "delete" : "index").append("\": {\"_id\": \"").append(id)
                .append("\"}}\n");
        if (!deletes()) {
            bulk.append(requests.documentWithImage(expected)).append('\n');
        }
    }
}
