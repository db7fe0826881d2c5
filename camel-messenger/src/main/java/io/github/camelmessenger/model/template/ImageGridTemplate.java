package io.github.camelmessenger.model.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The image grid template: one element of 2 to 6 images (at most one hero image), an optional title (at most 45
 * characters) and subtitle (at most 80), and at most 3 URL or postback buttons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageGridTemplate(@JsonProperty("elements") List<Element> elements) implements Template {

    public static ImageGridTemplate of(String title, List<Image> images, Button... buttons) {
        return new ImageGridTemplate(List.of(new Element(images, title, null, buttons.length == 0 ? null : List.of(buttons))));
    }

    @Override
    public String templateType() {
        return "image_grid";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Element(
            @JsonProperty("images") List<Image> images,
            @JsonProperty("title") String title,
            @JsonProperty("subtitle") String subtitle,
            @JsonProperty("buttons") List<Button> buttons) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(
            @JsonProperty("url") String url,
            @JsonProperty("is_hero_image") Boolean isHeroImage,
            @JsonProperty("action") Action action) {

        public static Image of(String url) {
            return new Image(url, null, null);
        }

        public static Image hero(String url) {
            return new Image(url, Boolean.TRUE, null);
        }

        public Image onTap(Action tapAction) {
            return new Image(url, isHeroImage, tapAction);
        }
    }

    /** What tapping an image does: open a URL or send a postback. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(@JsonProperty("type") String type, @JsonProperty("url") String url,
            @JsonProperty("payload") String payload) {

        public static Action url(String url) {
            return new Action("web_url", url, null);
        }

        public static Action postback(String payload) {
            return new Action("postback", null, payload);
        }
    }
}
