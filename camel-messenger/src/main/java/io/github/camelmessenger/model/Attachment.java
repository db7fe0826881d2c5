package io.github.camelmessenger.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code message.attachment}: a media file ({@code image}, {@code audio}, {@code video}, {@code file}) by URL or by
 * {@code attachment_id}, or a {@code template} whose payload is any object Jackson can write (a {@code Map}, a
 * {@code JsonNode} or a record with {@code template_type}).
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

    private static String normalize(String type) {
        return type == null ? null : type.toLowerCase(Locale.ROOT);
    }
}
