package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code reply_to}: the {@code mid} of the message this one quotes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplyTo(@JsonProperty("mid") String mid) {

    public static ReplyTo mid(String mid) {
        return new ReplyTo(mid);
    }
}
