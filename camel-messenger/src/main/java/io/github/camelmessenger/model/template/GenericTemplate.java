package io.github.camelmessenger.model.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The generic template (a carousel of at most 10 elements): title and subtitle at most 80, at most 3 buttons each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenericTemplate(
        @JsonProperty("elements") List<Element> elements,
        @JsonProperty("image_aspect_ratio") String imageAspectRatio,
        @JsonProperty("sharable") Boolean sharable) implements Template {

    public static GenericTemplate of(Element... elements) {
        return new GenericTemplate(List.of(elements), null, null);
    }

    @Override
    public String templateType() {
        return "generic";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Element(
            @JsonProperty("title") String title,
            @JsonProperty("subtitle") String subtitle,
            @JsonProperty("image_url") String imageUrl,
            @JsonProperty("default_action") DefaultAction defaultAction,
            @JsonProperty("buttons") List<Button> buttons) {

        public static Element of(String title, String subtitle, String imageUrl, Button... buttons) {
            return new Element(title, subtitle, imageUrl, null, buttons.length == 0 ? null : List.of(buttons));
        }

        public Element withDefaultAction(DefaultAction action) {
            return new Element(title, subtitle, imageUrl, action, buttons);
        }
    }
}
