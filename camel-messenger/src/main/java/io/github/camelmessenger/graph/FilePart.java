package io.github.camelmessenger.graph;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import io.github.camelmessenger.error.MessengerValidationException;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.core5.http.ContentType;

/**
 * The {@code filedata} part of an upload: a {@code byte[]}, a file, or a stream of unknown length, written by
 * HttpClient 5 straight from its source to the socket, never copied whole into memory. A stream is counted while it is
 * sent and the upload fails as soon as it passes {@code maxBytes}.
 *
 * @param content    a {@code byte[]}, a {@link Path} or an {@link InputStream}
 * @param knownSize  the size when known up front, else null
 * @param limitField the field named in the error when the size is over {@code maxBytes}
 */
public record FilePart(Object content, String fileName, String mimeType, Long knownSize, long maxBytes, String limitField) {

    ContentBody body() {
        ContentType contentType = ContentType.parse(mimeType);
        if (content instanceof byte[] bytes) {
            return new ByteArrayBody(bytes, contentType, fileName);
        }
        if (content instanceof Path path) {
            return new FileBody(path.toFile(), contentType, fileName);
        }
        return new InputStreamBody(new LimitedInputStream((InputStream) content, maxBytes, limitField), contentType, fileName);
    }

    /** Counts the bytes of a stream of unknown length and refuses to read past the limit. */
    static final class LimitedInputStream extends FilterInputStream {

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
}
