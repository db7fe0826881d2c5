package io.github.camelmessenger.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request rules the real Send API enforces server-side, as the simulator applies them. Deliberately written apart
 * from the component's validator: a rule the component forgets shows up as a Graph error 100 in tests.
 */
final class SimulatedRules {

    private SimulatedRules() {
    }

    /** The first rule the request breaks, in Graph's wording, or null. */
    static String firstBrokenRule(JsonNode request) {
        JsonNode recipient = request.path("recipient");
        int ids = 0;
        for (String field : new String[]{"id", "user_ref", "post_id", "comment_id", "phone_number"}) {
            if (recipient.hasNonNull(field)) {
                ids++;
            }
        }
        if (ids != 1) {
            return "param recipient must be non-empty and name exactly one of id, user_ref, post_id, comment_id, phone_number.";
        }
        boolean hasMessage = request.hasNonNull("message");
        boolean hasAction = request.hasNonNull("sender_action");
        if (hasMessage == hasAction) {
            return hasMessage ? "param sender_action cannot be sent with message." : "param message must be non-empty.";
        }
        if (hasAction) {
            return null;
        }
        JsonNode message = request.get("message");
        boolean hasText = message.hasNonNull("text");
        int contents = (hasText ? 1 : 0) + (message.hasNonNull("attachment") ? 1 : 0)
                + (message.hasNonNull("sticker_id") ? 1 : 0);
        if (contents != 1) {
            return "param message must have exactly one of text, attachment and sticker_id.";
        }
        if (hasText && (message.get("text").asText().isEmpty() || message.get("text").asText().length() > 2000)) {
            return "Length of param message[text] must be less than or equal to 2000 and non-empty.";
        }
        if (message.path("quick_replies").size() > 13) {
            return "param message[quick_replies] must have at most 13 elements.";
        }
        String messagingType = request.path("messaging_type").asText("RESPONSE");
        if ("MESSAGE_TAG".equals(messagingType) != request.hasNonNull("tag")) {
            return "param tag must be set exactly when messaging_type is MESSAGE_TAG.";
        }
        return null;
    }
}
