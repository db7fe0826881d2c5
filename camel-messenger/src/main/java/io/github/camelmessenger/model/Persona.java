package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A persona of the Page: a name and a picture that a message can be sent as ({@code persona_id}), so that a person
 * sees who answers, a human agent or a bot (Personas API, developers.facebook.com/docs/messenger-platform/send-messages/
 * personas). {@code id} is null until the Graph API created it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Persona(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("profile_picture_url") String profilePictureUrl) {

    /** A persona to create: {@code Persona.of("Ada from support", "https://example.com/ada.png")}. */
    public static Persona of(String name, String profilePictureUrl) {
        return new Persona(null, name, profilePictureUrl);
    }
}
