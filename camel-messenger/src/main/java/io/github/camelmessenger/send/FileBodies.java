package io.github.camelmessenger.send;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.graph.FilePart;
import io.github.camelmessenger.model.Platform;
import org.apache.camel.Exchange;

/**
 * Binary bodies ({@code byte[]}, {@code File}, {@code Path}, {@code InputStream}) as the {@code filedata} part of an
 * upload. The file name comes from {@code CamelFileName} (set by Camel's file consumers) or the file itself; the MIME
 * type from {@code CamelMessengerFileContentType}, else guessed from the name.
 */
final class FileBodies {

    private FileBodies() {
    }

    static boolean isFile(Object body) {
        return body instanceof byte[] || body instanceof File || body instanceof Path || body instanceof InputStream;
    }

    static FilePart toFilePart(Object body, org.apache.camel.Message in, String attachmentType, Platform platform) {
        Path path = body instanceof File file ? file.toPath() : body instanceof Path p ? p : null;
        String fileName = in.getHeader(Exchange.FILE_NAME, String.class);
        if (fileName == null) {
            fileName = path != null ? path.getFileName().toString() : attachmentType;
        } else {
            fileName = Path.of(fileName).getFileName().toString();
        }
        String mimeType = in.getHeader(MessengerConstants.FILE_CONTENT_TYPE, String.class);
        if (mimeType == null) {
            mimeType = URLConnection.guessContentTypeFromName(fileName.toLowerCase(Locale.ROOT));
        }
        if (mimeType == null) {
            mimeType = "application/octet-stream";
        }
        Long knownSize;
        Object content;
        if (body instanceof byte[] bytes) {
            knownSize = (long) bytes.length;
            content = bytes;
        } else if (path != null) {
            try {
                knownSize = Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + path, e);
            }
            content = path;
        } else {
            knownSize = null;
            content = body;
        }
        long maxBytes = SendRequestValidator.uploadLimit(platform, attachmentType);
        if (knownSize != null && knownSize > maxBytes) {
            throw new MessengerValidationException("filedata", intOrNull(knownSize), intOrNull(maxBytes),
                    "filedata has " + knownSize + " bytes; the limit for " + attachmentType + " on "
                                                                           + platform.name().toLowerCase(Locale.ROOT) + " is "
                                                                           + maxBytes + " bytes");
        }
        return new FilePart(content, fileName, mimeType, knownSize, maxBytes, "filedata");
    }

    private static Integer intOrNull(long value) {
        return value > Integer.MAX_VALUE ? null : (int) value;
    }
}
