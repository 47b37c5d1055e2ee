package dev.lookalike.solr.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.search.QueryParsing;
import org.apache.solr.search.SyntaxError;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link ImageKnnOptions#parse} with any query string, as Solr hands it over: the local parameters of
 * {@code {!image_knn ...}} are parsed by Solr's own {@link QueryParsing}, {@code $img} resolves to a request
 * parameter, and the text after the closing brace is the query string {@code v}. The outcome is options with
 * a field and exactly one source, or a 400 — Solr's {@link SyntaxError} for local parameters that do not
 * parse, or a {@link SolrException} with code 400 that names {@code {!image_knn}} and the parameter — never
 * another exception. The seeds are the queries of docs/solr.md and the tests'.
 */
class ImageKnnOptionsFuzzTest {

    private static final SolrParams REQUEST = new ModifiableSolrParams()
            .set("img", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==")
            .set("vec", "[0.5, -0.5, 0.25]");

    @FuzzTest
    @Timeout(10)
    void parseAnyQuery(byte[] bytes) {
        String query = new String(bytes, StandardCharsets.UTF_8);
        ModifiableSolrParams local = new ModifiableSolrParams();
        int end;
        try {
            end = QueryParsing.parseLocalParams(query, 0, local, REQUEST);
        } catch (SyntaxError | SolrException notLocalParams) {
            return;
        }
        if (end == 0 || !"image_knn".equals(local.get("type"))) {
            return;
        }
        if (local.get("v") == null) {
            local.set("v", query.substring(end));
        }
        ImageKnnOptions options;
        try {
            options = ImageKnnOptions.parse(local);
        } catch (SolrException refused) {
            assertEquals(400, refused.code(), refused.getMessage());
            assertTrue(refused.getMessage().contains("{!image_knn}"), refused.getMessage());
            return;
        }
        assertNotNull(options.field());
        int sources = (options.vector() != null ? 1 : 0) + (options.image() != null ? 1 : 0)
                + (options.like() != null ? 1 : 0);
        assertEquals(1, sources);
        assertTrue(options.topK() >= 1 && options.numCandidates() >= options.topK());
    }
}
