package io.github.camelmessenger.internal.graph;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.internal.json.Json;

/**
 * A successful Graph call: its HTTP status, its JSON object and the usage headers Meta sent with it
 * ({@code X-App-Usage}, {@code X-Page-Usage}, {@code X-Business-Use-Case-Usage}).
 */
public record GraphResponse(int status, JsonNode json, Map<String, String> usageHeaders) {

    /** No answer: what a result taken from a cache has instead (no usage headers). */
    public static final GraphResponse NONE = new GraphResponse(0, Json.objectNode(), Map.of());

    /** A string field of the answer, or null. */
    public String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
