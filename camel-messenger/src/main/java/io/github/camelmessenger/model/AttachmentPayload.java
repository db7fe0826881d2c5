package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The payload of a media attachment: either a public {@code url} (optionally {@code is_reusable}, so the response
 * carries an {@code attachment_id}) or the {@code attachment_id} of an earlier upload; for an Instagram
 * {@code MEDIA_SHARE}, the {@code id} of the published post.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttachmentPayload(
        @JsonProperty("url") String url,
        @JsonProperty("is_reusable") Boolean isReusable,
        @JsonProperty("attachment_id") String attachmentId,
        @JsonProperty("id") String id) {

    public static AttachmentPayload url(String url) {
        return new AttachmentPayload(url, null, null, null);
    }

    public static AttachmentPayload reusableUrl(String url) {
        return new AttachmentPayload(url, Boolean.TRUE, null, null);
    }

    public static AttachmentPayload attachmentId(String attachmentId) {
        return new AttachmentPayload(null, null, attachmentId, null);
    }

    /** The published Instagram post of a {@code MEDIA_SHARE} attachment. */
    public static AttachmentPayload postId(String postId) {
        return new AttachmentPayload(null, null, null, postId);
    }
}
