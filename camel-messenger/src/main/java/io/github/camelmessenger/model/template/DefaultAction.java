package io.github.camelmessenger.model.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What tapping a generic template element opens: a URL button without a title. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefaultAction(
        @JsonProperty("type") String type,
        @JsonProperty("url") String url,
        @JsonProperty("webview_height_ratio") String webviewHeightRatio) {

    public static DefaultAction url(String url) {
        return new DefaultAction("web_url", url, null);
    }
}
