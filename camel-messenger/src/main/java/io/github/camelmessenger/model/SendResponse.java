package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A successful Send API answer; fields Meta adds later are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendResponse(
        @JsonProperty("recipient_id") String recipientId,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("attachment_id") String attachmentId) {
}
