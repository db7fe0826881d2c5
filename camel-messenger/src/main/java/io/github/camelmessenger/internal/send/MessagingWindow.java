package io.github.camelmessenger.internal.send;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.error.MessengerValidationException;

/**
 * The messaging windows a person's last message opens, for the messages people write: a standard RESPONSE within 24
 * hours, the {@code HUMAN_AGENT} tag up to 7 days after it, nothing later (Messenger Platform policy and the message
 * tags reference, developers.facebook.com/docs/messenger-platform/send-messages/message-tags; Instagram messaging has
 * the same two windows).
 */
final class MessagingWindow {

    static final Duration STANDARD = Duration.ofHours(24);
    static final Duration HUMAN_AGENT = Duration.ofDays(7);
    static final String HUMAN_AGENT_TAG = "HUMAN_AGENT";

    private MessagingWindow() {
    }

    /**
     * For a message a person wrote: RESPONSE within the standard window, else MESSAGE_TAG with HUMAN_AGENT.
     *
     * @throws MessengerValidationException after the HUMAN_AGENT window: nothing may be sent
     */
    static void humanAgent(ObjectNode request, Instant lastUserMessage, Instant now) {
        Duration since = Duration.between(lastUserMessage, now);
        if (since.compareTo(STANDARD) <= 0) {
            request.put("messaging_type", "RESPONSE");
            return;
        }
        checkHumanAgent(since);
        request.put("messaging_type", "MESSAGE_TAG");
        request.put("tag", HUMAN_AGENT_TAG);
    }

    /**
     * @throws MessengerValidationException for a HUMAN_AGENT message after its window
     */
    static void checkTag(ObjectNode request, Instant lastUserMessage, Instant now) {
        if (lastUserMessage != null && HUMAN_AGENT_TAG.equals(request.path("tag").asText())) {
            checkHumanAgent(Duration.between(lastUserMessage, now));
        }
    }

    private static void checkHumanAgent(Duration since) {
        if (since.compareTo(HUMAN_AGENT) > 0) {
            throw new MessengerValidationException("tag", "The person last wrote " + describe(since) + " ago; the"
                    + " HUMAN_AGENT tag allows 7 days after a person's last message: nothing can be sent until they"
                    + " write again");
        }
    }

    private static String describe(Duration since) {
        return since.toDays() >= 1
                ? since.toDays() + " days and " + since.toHoursPart() + " hours"
                : since.toHours() + " hours";
    }

    /**
     * The time of the CamelMessengerLastUserMessageTime header: epoch milliseconds (a number or a string of digits), an
     * Instant, a Date or an ISO-8601 instant; null when the header is unset.
     *
     * @throws MessengerValidationException for anything else
     */
    static Instant parse(Object value, String header) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        String text = value.toString().trim();
        try {
            return text.matches("\\d{1,19}") ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (NumberFormatException | DateTimeParseException notATime) {
            throw new MessengerValidationException(header, header + " must be epoch milliseconds, an Instant, a Date or an"
                    + " ISO-8601 instant, not '" + text + "'");
        }
    }
}
