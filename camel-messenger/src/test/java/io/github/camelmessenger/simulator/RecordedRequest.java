package io.github.camelmessenger.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP request as the simulator received it. {@code delivered} is true when the simulator accepted the message
 * (even if a fault then lost the response).
 *
 * @param headers         header names in lower case
 * @param fault           the simple name of the fault applied to it ({@code ResponseLost}, {@code GraphError},
 *                        {@code RateLimited}, ...), or null
 * @param receivedAtNanos {@link System#nanoTime()} when it arrived
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        boolean delivered,
        String fault,
        long receivedAtNanos) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON tree, for structural comparison. */
    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("The recorded body is not JSON: " + bodyAsString(), e);
        }
    }

    /** The full request target: path and query. */
    public String uri() {
        return query == null ? path : path + "?" + query;
    }

    RecordedRequest withOutcome(boolean isDelivered, String appliedFault) {
        return new RecordedRequest(method, path, query, headers, body, isDelivered, appliedFault, receivedAtNanos);
    }
}
