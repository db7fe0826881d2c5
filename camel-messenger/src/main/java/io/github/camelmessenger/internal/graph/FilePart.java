package io.github.camelmessenger.internal.graph;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The {@code filedata} part of a multipart request: a {@code byte[]}, a file, or a stream of unknown length, written
 * straight from its source to the socket, never copied whole into memory.
 *
 * @param content   a {@code byte[]}, a {@link Path} or an {@link InputStream}
 * @param knownSize the size when known up front, else null
 */
public record FilePart(Object content, String fileName, String mimeType, Long knownSize) {

    @Override
    public String toString() {
        return "FilePart[" + fileName + ", " + mimeType + ", " + (knownSize == null ? "streamed" : knownSize + " bytes") + "]";
    }
}
