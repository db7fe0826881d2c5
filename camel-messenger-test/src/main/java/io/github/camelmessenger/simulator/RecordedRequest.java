package io.github.camelmessenger.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One HTTP request as the simulator received it. {@code delivered} is true when the simulator accepted the message
 * (even if a fault then lost the response).
 *
 * @param headers         header names in lower case
 * @param fault           the simple name of the fault applied to it ({@code ResponseLost}, {@code GraphError},
 *                        {@code RateLimited}, ...), or null
 * @param receivedAtNanos {@link System#nanoTime()} when it arrived
 * @param protocol        {@code HTTP/1.1} or {@code HTTP/2}
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        boolean delivered,
        String fault,
        long receivedAtNanos,
        String protocol) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The request as a JSON tree, for structural comparison. For {@code multipart/form-data} it is the logical request:
     * every form field but {@code filedata}, JSON fields parsed.
     */
    public JsonNode json() {
        try {
            if (isMultipart()) {
                ObjectNode request = MAPPER.createObjectNode();
                for (Part part : parts()) {
                    if (part.fileName() == null) {
                        String text = part.text();
                        request.set(part.name(), text.startsWith("{") || text.startsWith("[")
                                ? MAPPER.readTree(text)
                                : MAPPER.getNodeFactory().textNode(text));
                    }
                }
                return request;
            }
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The recorded body is not JSON: " + (isMultipart() ? "(multipart)" : bodyAsString()), e);
        }
    }

    public boolean isMultipart() {
        String contentType = header("Content-Type");
        return contentType != null && contentType.startsWith("multipart/form-data");
    }

    /** One part of a {@code multipart/form-data} body. */
    public record Part(String name, String fileName, String contentType, byte[] data) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The parts of a {@code multipart/form-data} body, in order. */
    public List<Part> parts() {
        String contentType = header("Content-Type");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "")
                .trim();
        int semicolon = boundary.indexOf(';');
        if (semicolon >= 0) {
            boundary = boundary.substring(0, semicolon);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        while (position >= 0) {
            int start = position + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, headerEnd, start);
            int next = indexOf(body, delimiter, headersEnd);
            String partHeaders = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] data = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            parts.add(new Part(parameter(partHeaders, "name"), parameter(partHeaders, "filename"),
                    partHeader(partHeaders, "Content-Type"), data));
            position = next;
        }
        return parts;
    }

    /** The part named {@code name}, or null. */
    public Part part(String name) {
        return parts().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static String parameter(String headers, String name) {
        Matcher m = Pattern.compile("[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static String partHeader(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer : for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The full request target: path and query. */
    public String uri() {
        return query == null ? path : path + "?" + query;
    }

    RecordedRequest withOutcome(boolean isDelivered, String appliedFault) {
        return new RecordedRequest(method, path, query, headers, body, isDelivered, appliedFault, receivedAtNanos, protocol);
    }
}
