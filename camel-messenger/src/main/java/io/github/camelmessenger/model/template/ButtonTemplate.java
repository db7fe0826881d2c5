package io.github.camelmessenger.model.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The button template: text of at most 640 characters above 1 to 3 buttons. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ButtonTemplate(
        @JsonProperty("text") String text,
        @JsonProperty("buttons") List<Button> buttons,
        @JsonProperty("sharable") Boolean sharable) implements Template {

    public static ButtonTemplate of(String text, Button... buttons) {
        return new ButtonTemplate(text, List.of(buttons), null);
    }

    /** Shows Messenger's native share button on the message. */
    public ButtonTemplate withSharable(boolean value) {
        return new ButtonTemplate(text, buttons, value);
    }

    @Override
    public String templateType() {
        return "button";
    }
}
