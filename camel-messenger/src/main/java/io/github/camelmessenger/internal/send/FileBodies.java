package io.github.camelmessenger.internal.send;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.internal.graph.FilePart;
import org.apache.camel.Exchange;

/**
 * Binary bodies ({@code byte[]}, {@code File}, {@code Path}, {@code InputStream}) as the {@code filedata} part of an
 * upload. The file name comes from {@code CamelFileName} (set by Camel's file consumers) or the file itself; the MIME
 * type from {@code CamelMessengerFileContentType}, else guessed from the name. A stream of unknown length is counted
 * while it is sent, against {@code maxBytes}.
 */
final class FileBodies {

    private FileBodies() {
    }

    static boolean isFile(Object body) {
        return body instanceof byte[] || body instanceof File || body instanceof Path || body instanceof InputStream;
    }

    static FilePart toFilePart(Object body, Exchange in, String attachmentType, long maxBytes) {
        Path path = body instanceof File file ? file.toPath() : body instanceof Path p ? p : null;
        String fileName = in.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (fileName == null) {
            fileName = path != null ? path.getFileName().toString() : attachmentType;
        } else {
            fileName = Path.of(fileName).getFileName().toString();
        }
        String mimeType = in.getMessage().getHeader(MessengerConstants.FILE_CONTENT_TYPE, String.class);
        if (mimeType == null) {
            mimeType = URLConnection.guessContentTypeFromName(fileName.toLowerCase(Locale.ROOT));
        }
        if (mimeType == null) {
            mimeType = "application/octet-stream";
        }
        if (body instanceof byte[] bytes) {
            return new FilePart(bytes, fileName, mimeType, (long) bytes.length);
        }
        if (path != null) {
            try {
                return new FilePart(path, fileName, mimeType, Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + path, e);
            }
        }
        return new FilePart(new LimitedInputStream((InputStream) body, maxBytes, "filedata"), fileName, mimeType, null);
    }
}
