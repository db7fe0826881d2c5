package io.github.camelmessenger.internal.send;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.error.MessengerValidationException;

/**
 * Reads a request's JSON the way the validator needs it: a field of the wrong JSON type (an object where an array is
 * expected, a number where a string is) is a {@link MessengerValidationException} naming the field path, the shape
 * expected and the shape found, never a {@code NullPointerException} or {@code ClassCastException} later on. JSON
 * {@code null} counts as absent, as Meta reads it.
 */
final class JsonShape {

    private JsonShape() {
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** The object at {@code field}, which must be present. */
    static JsonNode object(JsonNode node, String field) {
        if (!present(node) || !node.isObject()) {
            throw wrongShape(field, "an object", node);
        }
        return node;
    }

    /** The object at {@code field}, or null when absent. */
    static JsonNode optionalObject(JsonNode node, String field) {
        return present(node) ? object(node, field) : null;
    }

    /** The array at {@code field}, or null when absent. */
    static JsonNode optionalArray(JsonNode node, String field) {
        if (!present(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongShape(field, "an array", node);
        }
        return node;
    }

    /** The string at {@code field}, or null when absent. */
    static String optionalText(JsonNode node, String field) {
        if (!present(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongShape(field, "a string", node);
        }
        return node.textValue();
    }

    /** The string at {@code field}, or the empty string when absent: for fields compared against a set of values. */
    static String textOrEmpty(JsonNode node, String field) {
        String text = optionalText(node, field);
        return text == null ? "" : text;
    }

    static MessengerValidationException wrongShape(String field, String expected, JsonNode actual) {
        return new MessengerValidationException(field, field + " must be " + expected + ", not " + describe(actual));
    }

    /** The JSON type of a node as a route author reads it: object, array, string, number, boolean, null. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
