package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fetches images by URL for ingest (OpenSearch's {@code image_embedding} processor, Solr's update processor),
 * only from the hosts that the node setting {@code lookalike.ingest.url_allow_list} names (the same in both
 * engines): {@code http} and {@code https}, no redirects (a redirect could leave the allowed hosts), a
 * 10-second timeout, and at most the node's image byte limit, counted while reading so that a server that lies about its length cannot exhaust the heap.
 */
public final class ImageUrls {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<String> allowedHosts;
    private final long maxBytes;
    private final HttpClient client;

    /**
     * @param allowedHosts host names, lower case; empty refuses every URL
     * @param maxBytes     the largest image accepted
     */
    public ImageUrls(List<String> allowedHosts, long maxBytes) {
        this.allowedHosts = List.copyOf(allowedHosts);
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param url  the image's URL
     * @param name how the document names the URL, e.g. {@code [image_embedding][image_url]}
     * @return the image's bytes
     * @throws AnalyzerInputException naming {@code name} if URLs are off, the URL is malformed, its scheme is
     *                                  not http(s), its host is not allowed, the answer is not 200, or the
     *                                  image is larger than the limit
     * @throws IOException              if the fetch fails
     * @throws InterruptedException     if the thread is interrupted while waiting
     */
    public byte[] fetch(String url, String name) throws IOException, InterruptedException {
        if (allowedHosts.isEmpty()) {
            throw new AnalyzerInputException(name, "is a URL, but fetching URLs is off on this node; list the "
                    + "image hosts in [lookalike.ingest.url_allow_list]");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new AnalyzerInputException(name + " [" + url + "]", "is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new AnalyzerInputException(name + " [" + url + "]", "must be an http or https URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new AnalyzerInputException(name + " [" + url + "]", "host [" + host + "] is not in "
                    + "[lookalike.ingest.url_allow_list] " + allowedHosts);
        }
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AnalyzerInputException(name + " [" + url + "]", "answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new AnalyzerInputException(name + " [" + url + "]", "is over [lookalike.max_image_bytes] "
                        + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
