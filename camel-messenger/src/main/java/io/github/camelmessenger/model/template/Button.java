package io.github.camelmessenger.model.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A button of a template or of the persistent menu (Meta's buttons reference): titles at most 20 characters, postback
 * payloads at most 1000. {@code Button.postback("Yes", "YES")}, {@code Button.webUrl("Open", "https://...")
 * .withMessengerExtensions(null).withShareButtonHidden()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Button(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("url") String url,
        @JsonProperty("payload") String payload,
        @JsonProperty("webview_height_ratio") String webviewHeightRatio,
        @JsonProperty("messenger_extensions") Boolean messengerExtensions,
        @JsonProperty("fallback_url") String fallbackUrl,
        @JsonProperty("webview_share_button") String webviewShareButton,
        @JsonProperty("game_metadata") GameMetadata gameMetadata) {

    /** The value of {@code webview_share_button} that hides the webview's share button. */
    public static final String HIDE_SHARE_BUTTON = "hide";

    public static Button webUrl(String title, String url) {
        return new Button("web_url", title, url, null, null, null, null, null, null);
    }

    /** A URL button opened in the webview: {@code compact}, {@code tall} or {@code full}. */
    public static Button webUrl(String title, String url, String webviewHeightRatio) {
        return new Button("web_url", title, url, null, webviewHeightRatio, null, null, null, null);
    }

    public static Button postback(String title, String payload) {
        return new Button("postback", title, null, payload, null, null, null, null, null);
    }

    /** Calls a phone number, given in the {@code +} international format. */
    public static Button phoneNumber(String title, String phoneNumber) {
        return new Button("phone_number", title, null, phoneNumber, null, null, null, null, null);
    }

    public static Button accountLink(String url) {
        return new Button("account_link", null, url, null, null, null, null, null, null);
    }

    public static Button accountUnlink() {
        return new Button("account_unlink", null, null, null, null, null, null, null, null);
    }

    public static Button gamePlay(String title, String payload, GameMetadata gameMetadata) {
        return new Button("game_play", title, null, payload, null, null, null, null, gameMetadata);
    }

    /** A URL button's webview height: {@code compact}, {@code tall} or {@code full}. */
    public Button withWebviewHeightRatio(String ratio) {
        return new Button(type, title, url, payload, ratio, messengerExtensions, fallbackUrl, webviewShareButton, gameMetadata);
    }

    /**
     * Opens a URL button's page with the Messenger Extensions SDK (its domain must be whitelisted in the Messenger
     * Profile); {@code fallback} is the URL for clients without the SDK, or null.
     */
    public Button withMessengerExtensions(String fallback) {
        return new Button(type, title, url, payload, webviewHeightRatio, Boolean.TRUE, fallback, webviewShareButton,
                gameMetadata);
    }

    /** Hides the webview's share button ({@code webview_share_button: hide}). */
    public Button withShareButtonHidden() {
        return new Button(type, title, url, payload, webviewHeightRatio, messengerExtensions, fallbackUrl, HIDE_SHARE_BUTTON,
                gameMetadata);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GameMetadata(@JsonProperty("player_id") String playerId, @JsonProperty("context_id") String contextId) {
    }
}
