package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches images by URL for ingest (OpenSearch's {@code image_embedding} processor, Solr's update processor),
 * only from the hosts that the node setting {@code lookalike.ingest.url_allow_list} names (the same in both
 * engines): {@code http} and {@code https}, no redirects (a redirect could leave the allowed hosts), and at most
 * the node's image byte limit, counted while reading so that a server that lies about its length cannot exhaust
 * the heap.
 *
 * <p>The whole fetch, from connecting to the last byte, has one deadline ({@code lookalike.ingest.url_timeout},
 * 10 seconds by default): a server that answers its headers at once and then trickles the body a byte at a time
 * (slow-loris) is given up on at the deadline, and its connection closed, instead of holding an ingest thread for
 * as long as it likes. Every way a fetch can fail is an {@link AnalyzerInputException} naming the URL, which the
 * engines answer 400.
 */
public final class ImageUrls {

    /** The deadline of one fetch when the node sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> allowedHosts;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param allowedHosts host names, lower case; empty refuses every URL
     * @param maxBytes     the largest image accepted
     */
    public ImageUrls(List<String> allowedHosts, long maxBytes) {
        this(allowedHosts, maxBytes, DEFAULT_TIMEOUT);
    }

    /**
     * @param allowedHosts host names, lower case; empty refuses every URL
     * @param maxBytes     the largest image accepted
     * @param timeout      the deadline of one whole fetch, positive
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public ImageUrls(List<String> allowedHosts, long maxBytes, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the URL fetch timeout must be positive, got " + timeout);
        }
        this.allowedHosts = List.copyOf(allowedHosts);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Fetches an image; blocks for at most the timeout.
     *
     * @param url  the image's URL
     * @param name how the document names the URL, e.g. {@code [image_embedding][image_url]}
     * @return the image's bytes
     * @throws AnalyzerInputException naming {@code name} if URLs are off, the URL is malformed, its scheme is
     *                                not http(s), its host is not allowed, the answer is a redirect or not 200,
     *                                the image is larger than the limit, the server cannot be reached, or the
     *                                whole answer does not arrive within the timeout
     * @throws InterruptedException   if the thread is interrupted while waiting
     */
    public byte[] fetch(String url, String name) throws InterruptedException {
        if (allowedHosts.isEmpty()) {
            throw new AnalyzerInputException(name, "is a URL, but fetching URLs is off on this node; list the "
                    + "image hosts in [lookalike.ingest.url_allow_list]");
        }
        String what = name + " [" + url + "]";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new AnalyzerInputException(what, "is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new AnalyzerInputException(what, "must be an http or https URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new AnalyzerInputException(what, "host [" + host + "] is not in "
                    + "[lookalike.ingest.url_allow_list] " + allowedHosts);
        }
        BoundedBody body = new BoundedBody(what, maxBytes);
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                info -> info.statusCode() == 200 ? body : HttpResponse.BodySubscribers.<byte[]>replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.cancel();
            answer.cancel(true);
            throw tooSlow(what, e);
        } catch (InterruptedException e) {
            body.cancel();
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AnalyzerInputException refused) {
                throw refused;
            }
            if (e.getCause() instanceof HttpTimeoutException late) {
                throw tooSlow(what, late);
            }
            throw new AnalyzerInputException(what, "could not be fetched: " + describe(e.getCause()), e.getCause());
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new AnalyzerInputException(what, "answered HTTP " + status + ", a redirect to ["
                    + response.headers().firstValue("Location").orElse("") + "]: redirects are not followed, since "
                    + "they could lead off [lookalike.ingest.url_allow_list]; give the image's own URL");
        }
        if (status != 200) {
            throw new AnalyzerInputException(what, "answered HTTP " + status);
        }
        return response.body();
    }

    private AnalyzerInputException tooSlow(String what, Exception cause) {
        return new AnalyzerInputException(what, "did not answer in full within " + timeout.toMillis()
                + " ms [lookalike.ingest.url_timeout]; the fetch was given up", cause);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof IOException && failure.getMessage() == null) {
            return failure.getClass().getSimpleName();
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    /**
     * Collects a body up to a number of bytes, and fails (closing the connection) as soon as it grows past them;
     * {@link #cancel()} closes the connection at the fetch's deadline.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final String what;
        private final long maxBytes;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        BoundedBody(String what, long maxBytes) {
            this.what = what;
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                if (bytes.size() + (long) n > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new AnalyzerInputException(what,
                            "is over [lookalike.max_image_bytes] " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                bytes.write(chunk, 0, n);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
