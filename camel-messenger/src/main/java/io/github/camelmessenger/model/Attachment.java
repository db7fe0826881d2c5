package io.github.camelmessenger.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code message.attachment}: a media file ({@code image}, {@code audio}, {@code video}, {@code file}) by URL or by
 * {@code attachment_id}, a {@code template} whose payload is any object Jackson can write (a {@code Map}, a
 * {@code JsonNode} or a record with {@code template_type}), or on Instagram a heart sticker ({@code like_heart}) or a
 * published post ({@code MEDIA_SHARE}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attachment(
        @JsonProperty("type") String type,
        @JsonProperty("payload") Object payload) {

    public static final String IMAGE = "image";
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";
    public static final String FILE = "file";
    public static final String TEMPLATE = "template";
    /** Instagram's heart sticker: an attachment without a payload. */
    public static final String LIKE_HEART = "like_heart";
    /** Instagram: a published post of the account, by its id (spelled in capitals, as Meta documents it). */
    public static final String MEDIA_SHARE = "MEDIA_SHARE";

    public static Attachment image(String url) {
        return url(IMAGE, url);
    }

    public static Attachment audio(String url) {
        return url(AUDIO, url);
    }

    public static Attachment video(String url) {
        return url(VIDEO, url);
    }

    public static Attachment file(String url) {
        return url(FILE, url);
    }

    /** A media attachment by URL; {@code type} is one of image, audio, video, file. */
    public static Attachment url(String type, String url) {
        return new Attachment(normalize(type), AttachmentPayload.url(url));
    }

    /** A media attachment by URL that Meta keeps for reuse: the response then carries an {@code attachment_id}. */
    public static Attachment reusable(String type, String url) {
        return new Attachment(normalize(type), AttachmentPayload.reusableUrl(url));
    }

    /** A media attachment by the {@code attachment_id} of an earlier upload. */
    public static Attachment byId(String type, String attachmentId) {
        return new Attachment(normalize(type), AttachmentPayload.attachmentId(attachmentId));
    }

    /** A template: the payload must carry {@code template_type} and the template's fields. */
    public static Attachment template(Object payload) {
        return new Attachment(TEMPLATE, payload);
    }

    /** Instagram only: the heart sticker. */
    public static Attachment likeHeart() {
        return new Attachment(LIKE_HEART, null);
    }

    /** Instagram only: shares a published post of the account ({@code payload.id}). */
    public static Attachment mediaShare(String postId) {
        return new Attachment(MEDIA_SHARE, AttachmentPayload.postId(postId));
    }

    private static String normalize(String type) {
        return type == null ? null : type.toLowerCase(Locale.ROOT);
    }
}
