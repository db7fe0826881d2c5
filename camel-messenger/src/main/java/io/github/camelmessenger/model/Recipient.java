package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code recipient} of a Send API request. Exactly one of the four identifiers is set: a page-scoped id (PSID or
 * IGSID), a checkbox-plugin {@code user_ref}, or a {@code post_id} / {@code comment_id} for a private reply.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipient(
        @JsonProperty("id") String id,
        @JsonProperty("user_ref") String userRef,
        @JsonProperty("post_id") String postId,
        @JsonProperty("comment_id") String commentId) {

    public static Recipient id(String psid) {
        return new Recipient(psid, null, null, null);
    }

    public static Recipient userRef(String userRef) {
        return new Recipient(null, userRef, null, null);
    }

    public static Recipient postId(String postId) {
        return new Recipient(null, null, postId, null);
    }

    public static Recipient commentId(String commentId) {
        return new Recipient(null, null, null, commentId);
    }

    /** How many of the four identifiers are set: a valid recipient has exactly one. */
    public int identifierCount() {
        int count = 0;
        for (String value : new String[] { id, userRef, postId, commentId }) {
            if (value != null) {
                count++;
            }
        }
        return count;
    }
}
