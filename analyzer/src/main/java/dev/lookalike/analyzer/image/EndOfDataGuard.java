package dev.lookalike.analyzer.image;

import java.io.IOException;
import java.util.Objects;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image stream that fails once a reader has asked for data past the end too often. Some readers treat the
 * end of the data as a run of zero bits and carry on: TwelveMonkeys' WebP lossless decoder (3.12) catches the
 * {@link java.io.EOFException} in its bit reader and then decodes Huffman tables from nothing for as long as a
 * header field says, which a truncated 60-byte file makes minutes (found by fuzzing, docs/hardening.md). After
 * {@value #MAX_READS_PAST_END} reads at the end, this stream throws an {@link IIOException}, which such a reader
 * does not catch, so the decode fails as truncated data. A well-formed image reads past its end a few times at
 * most (format probing, a missing end marker).
 *
 * <p>Delegates every read to the wrapped stream and costs one counter; closing it closes the wrapped stream.
 * Not thread-safe, like any image stream.
 */
final class EndOfDataGuard extends ImageInputStreamImpl {

    /** How many reads may find the end of the data before the stream refuses to go on. */
    static final int MAX_READS_PAST_END = 256;

    private final ImageInputStream in;
    private int readsPastEnd;

    /** @param in the stream to read from */
    EndOfDataGuard(ImageInputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read() throws IOException {
        bitOffset = 0;
        int b = in.read();
        if (b < 0) {
            return endOfData();
        }
        streamPos++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            return endOfData();
        }
        streamPos += n;
        return n;
    }

    private int endOfData() throws IIOException {
        if (++readsPastEnd > MAX_READS_PAST_END) {
            throw new IIOException("the reader went on past the end of the data " + MAX_READS_PAST_END
                    + " times: the data are truncated or corrupt");
        }
        return -1;
    }

    @Override
    public void seek(long pos) throws IOException {
        super.seek(pos);
        in.seek(pos);
    }

    @Override
    public void flushBefore(long pos) throws IOException {
        super.flushBefore(pos);
        in.flushBefore(pos);
    }

    @Override
    public long length() {
        try {
            return in.length();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public boolean isCached() {
        return in.isCached();
    }

    @Override
    public boolean isCachedMemory() {
        return in.isCachedMemory();
    }

    @Override
    public boolean isCachedFile() {
        return in.isCachedFile();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            in.close();
        }
    }
}
