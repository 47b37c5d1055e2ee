package dev.lookalike.analyzer.image;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the memory that images being decoded at once may take, as a node's circuit breaker bounds what its
 * requests may take: each image reserves its decoded size (read from its header, before a pixel is decoded) for as
 * long as the decoded pixels live, and an image that would take the total past the bound is refused at once with
 * {@link PixelBudgetExceededException}, which a server answers as "too many requests, retry". The per-image pixel
 * limit ({@link ImageLimits}) stops one huge image; this stops many large ones arriving together. Thread-safe.
 */
public final class PixelBudget {

    /**
     * Bytes one decoded pixel is counted for: the decoder's own raster and the 8-bit RGB image made from it, at
     * four bytes each.
     */
    public static final long BYTES_PER_PIXEL = 8;

    private final long maxBytes;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param maxBytes the most bytes of decoded images in flight at once, positive
     * @throws IllegalArgumentException if it is not positive
     */
    public PixelBudget(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the in-flight image budget must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** @return a budget that never refuses, for tools that decode one image at a time */
    public static PixelBudget unbounded() {
        return new PixelBudget(Long.MAX_VALUE);
    }

    /**
     * Reserves an image's decoded size until the reservation is closed.
     *
     * @param pixels the image's width times height
     * @param name   how the request names the image, for the message
     * @return the reservation, to close when the decoded pixels are no longer needed
     * @throws PixelBudgetExceededException if the image would take the bytes in flight past the bound
     */
    public Reservation reserve(long pixels, String name) {
        long bytes = Math.multiplyHigh(pixels, BYTES_PER_PIXEL) != 0 ? Long.MAX_VALUE : pixels * BYTES_PER_PIXEL;
        while (true) {
            long now = inFlight.get();
            if (bytes > maxBytes - now) {
                rejected.incrementAndGet();
                throw new PixelBudgetExceededException(name + ": decoding it needs " + bytes + " bytes and "
                        + now + " of the node's " + maxBytes + " bytes for images in flight are taken; retry later");
            }
            if (inFlight.compareAndSet(now, now + bytes)) {
                return new Reservation(bytes);
            }
        }
    }

    /** @return the bytes reserved now */
    public long inFlightBytes() {
        return inFlight.get();
    }

    /** @return the bound */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return how many images were refused since the budget was made */
    public long rejected() {
        return rejected.get();
    }

    /** An image's share of the budget; closing it more than once releases it once. */
    public final class Reservation implements AutoCloseable {

        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                inFlight.addAndGet(-bytes);
            }
        }
    }
}
