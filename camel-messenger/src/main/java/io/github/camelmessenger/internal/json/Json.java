package io.github.camelmessenger.internal.json;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.error.MessengerValidationException;

/**
 * The one JSON mapper of the component, shared by every engine: Jackson's types stay inside the {@code internal}
 * packages and the documented escape hatches, so the move to Jackson 3 touches this package and those. Reading is
 * lenient: fields Meta adds later are ignored.
 */
public final class Json {

    /** Far deeper than any Graph answer or request, so that Jackson itself never recurses into a StackOverflowError. */
    private static final int MAX_NESTING = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // amounts (receipt prices) go out as given: 75.00 stays 75.00, never 75 or 7.5E+1
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    public static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /** A model object, {@code Map} or {@code JsonNode} of the component's own making as a JSON tree. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A route's body as a JSON tree, or a {@link MessengerValidationException} naming {@code field} when Jackson cannot
     * write it (an object without properties, a getter that throws, a nesting deeper than Jackson allows).
     */
    public static JsonNode toTree(Object value, String field) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            String reason = e.getCause() instanceof JsonProcessingException processing
                    ? processing.getOriginalMessage()
                    : e.getMessage();
            throw new MessengerValidationException(field, field + " cannot be written as JSON: " + reason);
        }
    }

    public static byte[] toBytes(Object tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    public static String toText(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    public static JsonNode readTree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    public static JsonNode readTree(InputStream json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** A tree as a model record; a field of the wrong type is an {@link IOException}, as for any unreadable answer. */
    public static <T> T read(JsonNode tree, Class<T> type) throws IOException {
        return MAPPER.treeToValue(tree, type);
    }

    /** A JSON value as plain Java: a Map, a List, a String, a Number, a Boolean or null. */
    public static Object toJava(JsonNode value) {
        return MAPPER.convertValue(value, Object.class);
    }
}
