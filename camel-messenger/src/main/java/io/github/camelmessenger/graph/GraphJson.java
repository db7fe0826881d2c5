package io.github.camelmessenger.graph;

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
 * The one JSON mapper of the component. Jackson stays behind this class so that the move to Jackson 3 touches one
 * file. Reading is lenient: fields Meta adds later are ignored.
 */
public final class GraphJson {

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

    private GraphJson() {
    }

    public static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /** Any model object, {@code Map} or {@code JsonNode} as a JSON tree. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A body as a JSON tree, or a {@link MessengerValidationException} naming {@code field} when Jackson cannot write it
     * (an object without properties, a getter that throws, a nesting deeper than Jackson allows).
     */
    public static JsonNode toTree(Object value, String field) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException processing ? processing : e;
            String reason = cause instanceof JsonProcessingException processing ? processing.getOriginalMessage() : cause.getMessage();
            throw new MessengerValidationException(field, field + " cannot be written as JSON: " + reason);
        }
    }

    public static byte[] toBytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
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

    public static <T> T read(JsonNode tree, Class<T> type) throws IOException {
        return MAPPER.treeToValue(tree, type);
    }
}
