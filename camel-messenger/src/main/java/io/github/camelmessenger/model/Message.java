package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code message} object of a Send API request: exactly one of text, an attachment or a sticker, with optional
 * quick replies and metadata. Use the static factories and the {@code with...} methods: {@code Message.text("Pick one")
 * .withQuickReplies(QuickReply.text("Red", "RED"))}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
        @JsonProperty("text") String text,
        @JsonProperty("attachment") Attachment attachment,
        @JsonProperty("quick_replies") List<QuickReply> quickReplies,
        @JsonProperty("metadata") String metadata,
        @JsonProperty("sticker_id") Long stickerId) {

    public static Message text(String text) {
        return new Message(text, null, null, null, null);
    }

    public static Message attachment(Attachment attachment) {
        return new Message(null, attachment, null, null, null);
    }

    /** A first-party sticker by the id the Sticker API lists ({@code GET /sticker_packs/{id}/stickers}). */
    public static Message sticker(long stickerId) {
        return new Message(null, null, null, null, stickerId);
    }

    public static Message image(String url) {
        return attachment(Attachment.image(url));
    }

    public static Message template(Object payload) {
        return attachment(Attachment.template(payload));
    }

    public Message withQuickReplies(QuickReply... replies) {
        return withQuickReplies(List.of(replies));
    }

    public Message withQuickReplies(List<QuickReply> replies) {
        return new Message(text, attachment, replies == null ? null : List.copyOf(replies), metadata, stickerId);
    }

    public Message withMetadata(String metadata) {
        return new Message(text, attachment, quickReplies, metadata, stickerId);
    }
}
