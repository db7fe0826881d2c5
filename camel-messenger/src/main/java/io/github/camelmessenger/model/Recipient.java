package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code recipient} of a Send API request. Exactly one kind of recipient is set: a page-scoped id (PSID or IGSID),
 * a checkbox-plugin {@code user_ref}, a {@code post_id} / {@code comment_id} for a private reply, or a
 * {@code phone_number} (Customer Matching, optionally with the person's {@code name}; the answer then has no
 * {@code recipient_id}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipient(
        @JsonProperty("id") String id,
        @JsonProperty("user_ref") String userRef,
        @JsonProperty("post_id") String postId,
        @JsonProperty("comment_id") String commentId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("name") Name name) {

    public static Recipient id(String psid) {
        return new Recipient(psid, null, null, null, null, null);
    }

    public static Recipient userRef(String userRef) {
        return new Recipient(null, userRef, null, null, null, null);
    }

    public static Recipient postId(String postId) {
        return new Recipient(null, null, postId, null, null, null);
    }

    public static Recipient commentId(String commentId) {
        return new Recipient(null, null, null, commentId, null, null);
    }

    /** Customer Matching: a phone number in international format, e.g. {@code +1(212)555-2368}. */
    public static Recipient phoneNumber(String phoneNumber) {
        return new Recipient(null, null, null, null, phoneNumber, null);
    }

    /** Customer Matching with the person's name, which improves the match. */
    public static Recipient phoneNumber(String phoneNumber, Name name) {
        return new Recipient(null, null, null, null, phoneNumber, name);
    }

    /** {@code recipient.name} of a phone number recipient. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName) {

        public static Name of(String firstName, String lastName) {
            return new Name(firstName, lastName);
        }

        /**
         * A name written as one string, as a header set from YAML or XML carries it: everything before the last space is
         * the first name, the rest the last name; a single word is a first name.
         */
        public static Name parse(String fullName) {
            String trimmed = fullName.strip();
            int space = trimmed.lastIndexOf(' ');
            return space < 0
                    ? new Name(trimmed, null)
                    : new Name(trimmed.substring(0, space).strip(), trimmed.substring(space + 1));
        }
    }
}
