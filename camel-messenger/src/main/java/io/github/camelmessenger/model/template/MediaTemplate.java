package io.github.camelmessenger.model.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The media template: exactly one image or video, by {@code attachment_id} (from an upload) or by a Facebook URL
 * (external URLs are not allowed), with at most one button.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaTemplate(@JsonProperty("elements") List<Element> elements, @JsonProperty("sharable") Boolean sharable)
        implements
            Template {

    public static MediaTemplate imageById(String attachmentId, Button... buttons) {
        return new MediaTemplate(List.of(new Element("image", attachmentId, null, list(buttons))), null);
    }

    public static MediaTemplate videoById(String attachmentId, Button... buttons) {
        return new MediaTemplate(List.of(new Element("video", attachmentId, null, list(buttons))), null);
    }

    public static MediaTemplate byFacebookUrl(String mediaType, String facebookUrl, Button... buttons) {
        return new MediaTemplate(List.of(new Element(mediaType, null, facebookUrl, list(buttons))), null);
    }

    /** Shows Messenger's native share button on the message. */
    public MediaTemplate withSharable(boolean value) {
        return new MediaTemplate(elements, value);
    }

    private static List<Button> list(Button[] buttons) {
        return buttons.length == 0 ? null : List.of(buttons);
    }

    @Override
    public String templateType() {
        return "media";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Element(
            @JsonProperty("media_type") String mediaType,
            @JsonProperty("attachment_id") String attachmentId,
            @JsonProperty("url") String url,
            @JsonProperty("buttons") List<Button> buttons) {
    }
}
