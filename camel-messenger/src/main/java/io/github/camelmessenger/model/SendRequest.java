package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A whole Send API request ({@code POST /{page-id}/messages}). As an exchange body, the fields left {@code null} are
 * filled from the exchange headers, then from the endpoint options.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendRequest(
        @JsonProperty("recipient") Recipient recipient,
        @JsonProperty("messaging_type") MessagingType messagingType,
        @JsonProperty("tag") String tag,
        @JsonProperty("notification_type") NotificationType notificationType,
        @JsonProperty("message") Object message,
        @JsonProperty("sender_action") SenderAction senderAction,
        @JsonProperty("payload") Reaction payload,
        @JsonProperty("persona_id") String personaId,
        @JsonProperty("reply_to") ReplyTo replyTo) {

    /** A message to a recipient; the other fields come from headers and options. */
    public static SendRequest message(Recipient recipient, Message message) {
        return new SendRequest(recipient, null, null, null, message, null, null, null, null);
    }

    /** A sender action to a recipient. */
    public static SendRequest senderAction(Recipient recipient, SenderAction action) {
        return new SendRequest(recipient, null, null, null, null, action, null, null, null);
    }

    /** A {@code react} (with an emoji) or {@code unreact} (without) on a message. */
    public static SendRequest reaction(Recipient recipient, Reaction reaction) {
        SenderAction action = reaction.reaction() == null ? SenderAction.UNREACT : SenderAction.REACT;
        return new SendRequest(recipient, null, null, null, null, action, reaction, null, null);
    }

    public SendRequest withRecipient(Recipient value) {
        return new SendRequest(value, messagingType, tag, notificationType, message, senderAction, payload, personaId, replyTo);
    }

    public SendRequest withMessagingType(MessagingType value) {
        return new SendRequest(recipient, value, tag, notificationType, message, senderAction, payload, personaId, replyTo);
    }

    public SendRequest withTag(String value) {
        return new SendRequest(recipient, messagingType, value, notificationType, message, senderAction, payload, personaId,
                replyTo);
    }

    public SendRequest withNotificationType(NotificationType value) {
        return new SendRequest(recipient, messagingType, tag, value, message, senderAction, payload, personaId, replyTo);
    }

    public SendRequest withPersonaId(String value) {
        return new SendRequest(recipient, messagingType, tag, notificationType, message, senderAction, payload, value, replyTo);
    }

    public SendRequest withReplyTo(ReplyTo value) {
        return new SendRequest(recipient, messagingType, tag, notificationType, message, senderAction, payload, personaId,
                value);
    }
}
