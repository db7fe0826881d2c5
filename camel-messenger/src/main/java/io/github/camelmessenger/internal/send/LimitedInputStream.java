package io.github.camelmessenger.internal.send;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.github.camelmessenger.error.MessengerValidationException;

/**
 * Counts the bytes of a stream of unknown length while it is uploaded, and refuses to read past the platform's limit:
 * the upload is aborted with a validation error as soon as the stream passes it.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final String field;
    private long count;

    LimitedInputStream(InputStream in, long maxBytes, String field) {
        super(in);
        this.maxBytes = maxBytes;
        this.field = field;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) {
        count += n;
        if (count > maxBytes) {
            throw new MessengerValidationException(field, count > Integer.MAX_VALUE ? null : (int) count,
                    maxBytes > Integer.MAX_VALUE ? null : (int) maxBytes,
                    field + " passed " + maxBytes + " bytes while streaming (" + count + " read so far); the limit is "
                            + maxBytes + ": the upload was aborted");
        }
    }
}
