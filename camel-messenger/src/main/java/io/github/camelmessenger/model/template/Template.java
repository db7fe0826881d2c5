package io.github.camelmessenger.model.template;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message template: the payload of an attachment of type {@code template}. As an exchange body it is sent as
 * {@code message.attachment}. The limits of each template are checked before sending, like every other Send API rule.
 */
public interface Template {

    @JsonProperty("template_type")
    String templateType();
}
