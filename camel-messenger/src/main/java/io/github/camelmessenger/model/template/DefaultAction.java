package io.github.camelmessenger.model.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What tapping a generic template element opens: a URL button without a title, with the same webview properties
 * (Meta's generic template reference: "accepts the same properties as URL button, except title").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefaultAction(
        @JsonProperty("type") String type,
        @JsonProperty("url") String url,
        @JsonProperty("webview_height_ratio") String webviewHeightRatio,
        @JsonProperty("messenger_extensions") Boolean messengerExtensions,
        @JsonProperty("fallback_url") String fallbackUrl,
        @JsonProperty("webview_share_button") String webviewShareButton) {

    public static DefaultAction url(String url) {
        return new DefaultAction("web_url", url, null, null, null, null);
    }

    /** The webview height: {@code compact}, {@code tall} or {@code full}. */
    public DefaultAction withWebviewHeightRatio(String ratio) {
        return new DefaultAction(type, url, ratio, messengerExtensions, fallbackUrl, webviewShareButton);
    }

    /** Opens the page with the Messenger Extensions SDK; {@code fallbackUrl} serves clients without it (or null). */
    public DefaultAction withMessengerExtensions(String fallback) {
        return new DefaultAction(type, url, webviewHeightRatio, Boolean.TRUE, fallback, webviewShareButton);
    }

    /** Hides the webview's share button ({@code webview_share_button: hide}). */
    public DefaultAction withShareButtonHidden() {
        return new DefaultAction(type, url, webviewHeightRatio, messengerExtensions, fallbackUrl, Button.HIDE_SHARE_BUTTON);
    }
}
