package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code payload} of a {@code react} / {@code unreact} sender action. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reaction(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("reaction") String reaction) {

    /** React to a message with an emoji, e.g. {@code Reaction.react(mid, "\u2764\ufe0f")}. */
    public static Reaction react(String messageId, String emoji) {
        return new Reaction(messageId, emoji);
    }

    /** Remove the Page's reaction from a message. */
    public static Reaction unreact(String messageId) {
        return new Reaction(messageId, null);
    }
}
