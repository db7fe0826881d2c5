package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code message.quick_replies}: a text button (title and payload, optional image), or a button that asks
 * for the person's phone number or e-mail address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuickReply(
        @JsonProperty("content_type") String contentType,
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload,
        @JsonProperty("image_url") String imageUrl) {

    public static final String TEXT = "text";
    public static final String USER_PHONE_NUMBER = "user_phone_number";
    public static final String USER_EMAIL = "user_email";

    public static QuickReply text(String title, String payload) {
        return new QuickReply(TEXT, title, payload, null);
    }

    public static QuickReply text(String title, String payload, String imageUrl) {
        return new QuickReply(TEXT, title, payload, imageUrl);
    }

    public static QuickReply userPhoneNumber() {
        return new QuickReply(USER_PHONE_NUMBER, null, null, null);
    }

    public static QuickReply userEmail() {
        return new QuickReply(USER_EMAIL, null, null, null);
    }
}
