package io.github.camelmessenger.internal.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.internal.graph.FilePart;
import io.github.camelmessenger.model.Platform;

import static io.github.camelmessenger.internal.send.JsonShape.object;
import static io.github.camelmessenger.internal.send.JsonShape.optionalArray;
import static io.github.camelmessenger.internal.send.JsonShape.optionalObject;
import static io.github.camelmessenger.internal.send.JsonShape.optionalText;
import static io.github.camelmessenger.internal.send.JsonShape.present;
import static io.github.camelmessenger.internal.send.JsonShape.textOrEmpty;
import static io.github.camelmessenger.internal.send.JsonShape.wrongShape;

/**
 * Checks a Send API request against every documented rule before it leaves, so that a bad message fails with a clear
 * {@link MessengerValidationException} instead of a Graph error (or a silent loss). It works on the JSON that will be
 * sent, so typed bodies and raw Map/JsonNode bodies get the same checks, and a field of the wrong JSON type is named
 * as such ({@link JsonShape}).
 * <p>
 * Sources: Meta's Send API reference (developers.facebook.com/docs/messenger-platform/reference/send-api), the quick
 * replies, buttons and templates references, the message tags guide, the Sticker API and the Instagram messaging API
 * reference.
 */
public final class SendRequestValidator {

    /** How a limit measures a value. */
    enum Measure {

        /** UTF-16 code units, Java's String length: never fewer than Meta's character count. */
        CHARACTERS("characters"),
        /** UTF-8 bytes, as Instagram counts text. */
        UTF8_BYTES("UTF-8 bytes"),
        /** Elements of an array. */
        ENTRIES("entries");

        final String unit;

        Measure(String unit) {
            this.unit = unit;
        }
    }

    /**
     * One documented limit. {@code path} is the field in the request JSON, {@code []} standing for every element of an
     * array; a {@code required} field must be present; {@code platform} null means every platform; a
     * {@code templateType} limits the row to that template; {@code numberAllowed} accepts a JSON number where Meta
     * documents "String or Number".
     */
    record Limit(String path, Measure measure, int min, int max, boolean required, Platform platform, String templateType,
            boolean numberAllowed, String[] names, boolean[] arrays, String[] prefixes, boolean hasArray) {

        Limit(String path, Measure measure, int min, int max, boolean required, Platform platform, String templateType,
                boolean numberAllowed) {
            this(path, measure, min, max, required, platform, templateType, numberAllowed, names(path), arrays(path),
                    prefixes(path), path.contains("[]"));
        }

        private static String[] names(String path) {
            String[] segments = path.split("\\.");
            for (int i = 0; i < segments.length; i++) {
                segments[i] = segments[i].replace("[]", "");
            }
            return segments;
        }

        private static boolean[] arrays(String path) {
            String[] segments = path.split("\\.");
            boolean[] arrays = new boolean[segments.length];
            for (int i = 0; i < segments.length; i++) {
                arrays[i] = segments[i].endsWith("[]");
            }
            return arrays;
        }

        /** For a path without arrays: the field path up to each segment, so that the hot path builds no string. */
        private static String[] prefixes(String path) {
            String[] names = names(path);
            String[] prefixes = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                prefixes[i] = i == 0 ? names[0] : prefixes[i - 1] + "." + names[i];
            }
            return prefixes;
        }
    }

    private static Limit limit(String path, Measure measure, int min, int max) {
        return new Limit(path, measure, min, max, false, null, null, false);
    }

    private static Limit template(String type, String field, Measure measure, int min, int max, boolean required) {
        return new Limit(PAYLOAD + "." + field, measure, min, max, required, null, type, false);
    }

    private static final String PAYLOAD = "message.attachment.payload";

    static final int TEXT_MAX_CHARACTERS = 1999;
    static final int INSTAGRAM_TEXT_MAX_BYTES = 1000;

    static final List<Limit> LIMITS = List.of(
            // message.text: non-empty, fewer than 2000 characters (Send API reference)
            limit("message.text", Measure.CHARACTERS, 1, TEXT_MAX_CHARACTERS),
            // Instagram: text of at most 1000 bytes, UTF-8 encoded (Instagram messaging reference)
            new Limit("message.text", Measure.UTF8_BYTES, 1, INSTAGRAM_TEXT_MAX_BYTES, false, Platform.INSTAGRAM, null, false),
            // message.metadata: fewer than 1000 characters
            limit("message.metadata", Measure.CHARACTERS, 0, 999),
            // quick replies: at most 13; title at most 20 characters; payload (String or Number) at most 1000 characters
            limit("message.quick_replies", Measure.ENTRIES, 1, 13),
            limit("message.quick_replies[].title", Measure.CHARACTERS, 1, 20),
            new Limit("message.quick_replies[].payload", Measure.CHARACTERS, 1, 1000, false, null, null, true),
            limit("message.quick_replies[].image_url", Measure.CHARACTERS, 1, Integer.MAX_VALUE),
            // generic template: at most 10 elements; title (required) and subtitle at most 80; at most 3 buttons
            template("generic", "elements", Measure.ENTRIES, 1, 10, true),
            template("generic", "elements[].title", Measure.CHARACTERS, 1, 80, true),
            template("generic", "elements[].subtitle", Measure.CHARACTERS, 0, 80, false),
            template("generic", "elements[].image_url", Measure.CHARACTERS, 1, Integer.MAX_VALUE, false),
            template("generic", "elements[].buttons", Measure.ENTRIES, 1, 3, false),
            // button template: text at most 640 characters, 1 to 3 buttons
            template("button", "text", Measure.CHARACTERS, 1, 640, true),
            template("button", "buttons", Measure.ENTRIES, 1, 3, true),
            // media template: exactly one element, at most one button
            template("media", "elements", Measure.ENTRIES, 1, 1, true),
            template("media", "elements[].buttons", Measure.ENTRIES, 1, 1, false),
            // receipt template: at most 100 elements, each with a title
            template("receipt", "elements", Measure.ENTRIES, 0, 100, false),
            template("receipt", "elements[].title", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "recipient_name", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "order_number", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "currency", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "payment_method", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            // product template: 1 to 10 products of the Page's catalog, by id
            template("product", "elements", Measure.ENTRIES, 1, 10, true),
            template("product", "elements[].id", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            // image grid template: one element of 2 to 6 images, title at most 45, subtitle at most 80, <= 3 buttons
            template("image_grid", "elements", Measure.ENTRIES, 1, 1, true),
            template("image_grid", "elements[].images", Measure.ENTRIES, 2, 6, true),
            template("image_grid", "elements[].images[].url", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("image_grid", "elements[].title", Measure.CHARACTERS, 0, 45, false),
            template("image_grid", "elements[].subtitle", Measure.CHARACTERS, 0, 80, false),
            template("image_grid", "elements[].buttons", Measure.ENTRIES, 1, 3, false),
            // customer feedback template: one screen with one question
            template("customer_feedback", "feedback_screens", Measure.ENTRIES, 1, 1, true),
            template("customer_feedback", "feedback_screens[].questions", Measure.ENTRIES, 1, 1, true),
            // coupon template: a title, and a code or a URL (checked below)
            template("coupon", "title", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("coupon", "coupon_code", Measure.CHARACTERS, 1, Integer.MAX_VALUE, false),
            template("coupon", "coupon_url", Measure.CHARACTERS, 1, Integer.MAX_VALUE, false));

    private static final long MB = 1024L * 1024L;

    /**
     * Upload size limits: 25 MB for any attachment on Messenger (Send API reference, "Attachment Upload"); on
     * Instagram 8 MB for images and 25 MB for audio and video (Instagram messaging reference).
     */
    record UploadLimit(Platform platform, String type, long maxBytes) {
    }

    static final List<UploadLimit> UPLOAD_LIMITS = List.of(
            new UploadLimit(Platform.INSTAGRAM, "image", 8 * MB),
            new UploadLimit(Platform.INSTAGRAM, "audio", 25 * MB),
            new UploadLimit(Platform.INSTAGRAM, "video", 25 * MB),
            new UploadLimit(Platform.INSTAGRAM, "file", 25 * MB),
            new UploadLimit(Platform.MESSENGER, null, 25 * MB));

    /** The largest file that may be uploaded as {@code type} on {@code platform}. */
    static long uploadLimit(Platform platform, String type) {
        for (UploadLimit limit : UPLOAD_LIMITS) {
            if (limit.platform() == platform && (limit.type() == null || limit.type().equals(type))) {
                return limit.maxBytes();
            }
        }
        return 25 * MB;
    }

    /** The rows of {@link #LIMITS} for every message, and per template type: a text message reads only its own. */
    private static final List<Limit> MESSAGE_LIMITS = LIMITS.stream().filter(l -> l.templateType() == null).toList();
    private static final Map<String, List<Limit>> TEMPLATE_LIMITS = LIMITS.stream()
            .filter(l -> l.templateType() != null)
            .collect(Collectors.groupingBy(Limit::templateType));

    /** Button types of Meta's buttons reference; titles at most 20 characters, postback payloads at most 1000. */
    static final Set<String> BUTTON_TYPES = Set.of("web_url", "postback", "phone_number", "account_link", "account_unlink",
            "game_play");
    static final int BUTTON_TITLE_MAX = 20;
    static final int POSTBACK_PAYLOAD_MAX = 1000;

    /** Media that travel by URL, attachment_id or upload. */
    static final Set<String> MEDIA_TYPES = Set.of("audio", "file", "image", "video");
    /** Attachment types per platform: Instagram adds its heart sticker and the share of a published post. */
    static final Map<Platform, Set<String>> ATTACHMENT_TYPES = Map.of(
            Platform.MESSENGER, Set.of("audio", "file", "image", "template", "video"),
            Platform.INSTAGRAM, Set.of("audio", "file", "image", "template", "video", "like_heart", "MEDIA_SHARE"));
    static final Set<String> QUICK_REPLY_TYPES = Set.of("text", "user_phone_number", "user_email");
    static final Set<String> MESSAGING_TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG", "UTILITY");
    /** The recipient kinds of the Send API: exactly one per request. */
    static final List<String> RECIPIENT_KINDS = List.of("id", "user_ref", "post_id", "comment_id", "phone_number");
    static final String CUSTOMER_FEEDBACK = "CUSTOMER_FEEDBACK";
    /** The only tag Instagram messaging accepts. */
    static final String HUMAN_AGENT = "HUMAN_AGENT";

    private SendRequestValidator() {
    }

    /**
     * A Send API request ({@code POST /{page}/messages}).
     *
     * @param file the {@code filedata} of an upload-and-send, whose attachment payload then has no url or attachment_id;
     *             or null
     */
    static void validate(JsonNode request, Platform platform, FilePart file) {
        if (file != null) {
            checkFile(file, request.path("message").path("attachment").path("type").asText(), platform);
        }
        validate(request, platform, file != null);
    }

    /**
     * An Attachment Upload API request ({@code POST /{page}/message_attachments}): a reusable media attachment, by URL
     * or as {@code filedata}.
     */
    static void validateUpload(JsonNode request, Platform platform, FilePart file) {
        JsonNode attachment = object(object(request.get("message"), "message").get("attachment"), "message.attachment");
        String type = textOrEmpty(attachment.get("type"), "message.attachment.type");
        if (!MEDIA_TYPES.contains(type)) {
            throw new MessengerValidationException("message.attachment.type",
                    "An upload is " + String.join(", ", MEDIA_TYPES.stream().sorted().toList()) + ", not '" + type + "'");
        }
        if (file != null) {
            checkFile(file, type, platform);
            return;
        }
        checkAttachment(attachment, platform, false);
        if (optionalText(attachment.get("payload").get("url"), "message.attachment.payload.url") == null) {
            throw new MessengerValidationException("message.attachment.payload.url",
                    "An upload takes a URL or a file; an attachment_id is already uploaded");
        }
    }

    /** A file of known size over the platform's limit for its type; a stream is counted while it is sent. */
    private static void checkFile(FilePart file, String type, Platform platform) {
        long maxBytes = uploadLimit(platform, type);
        Long size = file.knownSize();
        if (size != null && size > maxBytes) {
            throw new MessengerValidationException("filedata", size > Integer.MAX_VALUE ? null : size.intValue(),
                    maxBytes > Integer.MAX_VALUE ? null : (int) maxBytes,
                    "filedata has " + size + " bytes; the limit for " + type + " on " + platform.name().toLowerCase(Locale.ROOT)
                            + " is " + maxBytes + " bytes");
        }
    }

    /** {@code upload}: the attachment's file travels as {@code filedata}, so its payload has no url or attachment_id. */
    private static void validate(JsonNode request, Platform platform, boolean upload) {
        object(request, "request");
        checkRecipient(request.get("recipient"));
        JsonNode message = request.get("message");
        JsonNode senderAction = request.get("sender_action");
        if (present(message) && present(senderAction)) {
            throw new MessengerValidationException("sender_action",
                    "A request carries either a message or a sender_action, never both: send the sender action on its own");
        }
        if (present(senderAction)) {
            checkSenderAction(optionalText(senderAction, "sender_action"), request.get("payload"));
            return;
        }
        if (!present(message)) {
            throw new MessengerValidationException("message", "A request needs a message object or a sender_action");
        }
        object(message, "message");
        checkMessage(message, platform, upload);
        checkMessagingType(request, message, platform);
        for (Limit limit : MESSAGE_LIMITS) {
            if (limit.platform() == null || limit.platform() == platform) {
                walk(request, 0, "", limit);
            }
        }
        String templateType = templateType(message);
        if (templateType != null) {
            for (Limit limit : TEMPLATE_LIMITS.getOrDefault(templateType, List.of())) {
                walk(request, 0, "", limit);
            }
            checkTemplate(templateType, message.get("attachment").get("payload"));
        }
    }

    /** The template_type of a template attachment (already checked to be a string), else null. */
    private static String templateType(JsonNode message) {
        JsonNode attachment = message.get("attachment");
        if (!present(attachment) || !"template".equals(attachment.path("type").textValue())) {
            return null;
        }
        return attachment.get("payload").get("template_type").textValue();
    }

    /** The template rules that are not sizes: media types, hero images, and every button anywhere in the payload. */
    private static void checkTemplate(String templateType, JsonNode payload) {
        JsonNode elements = optionalArray(payload.get("elements"), PAYLOAD + ".elements");
        for (int i = 0; elements != null && i < elements.size(); i++) {
            String field = PAYLOAD + ".elements[" + i + "]";
            JsonNode element = object(elements.get(i), field);
            if ("media".equals(templateType)) {
                String mediaType = textOrEmpty(element.get("media_type"), field + ".media_type");
                if (!Set.of("image", "video").contains(mediaType)) {
                    throw new MessengerValidationException(field + ".media_type",
                            "media_type '" + mediaType + "' is not image or video (the media template sends no audio or file)");
                }
                boolean byId = optionalText(element.get("attachment_id"), field + ".attachment_id") != null;
                boolean byUrl = optionalText(element.get("url"), field + ".url") != null;
                if (byId == byUrl) {
                    throw new MessengerValidationException(field, "A media element needs exactly one of attachment_id or url");
                }
            }
            if ("image_grid".equals(templateType)) {
                checkImageGrid(element, field);
            }
        }
        if ("coupon".equals(templateType) && !present(payload.get("coupon_code")) && !present(payload.get("coupon_url"))) {
            throw new MessengerValidationException(PAYLOAD, "A coupon template needs a coupon_code or a coupon_url");
        }
        checkButtons(payload, PAYLOAD);
    }

    private static void checkImageGrid(JsonNode element, String field) {
        int heroes = 0;
        JsonNode images = optionalArray(element.get("images"), field + ".images");
        for (int i = 0; images != null && i < images.size(); i++) {
            JsonNode hero = object(images.get(i), field + ".images[" + i + "]").get("is_hero_image");
            if (present(hero) && !hero.isBoolean()) {
                throw wrongShape(field + ".images[" + i + "].is_hero_image", "a boolean", hero);
            }
            heroes += present(hero) && hero.booleanValue() ? 1 : 0;
        }
        if (heroes > 1) {
            throw new MessengerValidationException(field + ".images", heroes, 1,
                    field + ".images has " + heroes + " hero images; the limit is 1");
        }
        JsonNode buttons = optionalArray(element.get("buttons"), field + ".buttons");
        for (int i = 0; buttons != null && i < buttons.size(); i++) {
            String buttonField = field + ".buttons[" + i + "]";
            String type = textOrEmpty(object(buttons.get(i), buttonField).get("type"), buttonField + ".type");
            if (!Set.of("web_url", "postback").contains(type)) {
                throw new MessengerValidationException(field + ".buttons",
                        "The image grid template takes only web_url and postback buttons");
            }
        }
    }

    /** Every {@code buttons} array anywhere below {@code node} (the request's nesting is bounded before it gets here). */
    private static void checkButtons(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String childPath = path + "." + field.getKey();
                if ("buttons".equals(field.getKey())) {
                    JsonNode buttons = optionalArray(field.getValue(), childPath);
                    for (int i = 0; buttons != null && i < buttons.size(); i++) {
                        checkButton(buttons.get(i), childPath + "[" + i + "]");
                    }
                } else {
                    checkButtons(field.getValue(), childPath);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkButtons(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void checkButton(JsonNode node, String field) {
        JsonNode button = object(node, field);
        String type = textOrEmpty(button.get("type"), field + ".type");
        if (!BUTTON_TYPES.contains(type)) {
            throw new MessengerValidationException(field + ".type",
                    "Button type '" + type + "' is not one of " + sorted(BUTTON_TYPES));
        }
        boolean needsTitle = !"account_link".equals(type) && !"account_unlink".equals(type);
        if (needsTitle) {
            measure(button.get("title"), field + ".title",
                    new Limit(field + ".title", Measure.CHARACTERS, 1, BUTTON_TITLE_MAX, true, null, null, false));
        }
        if (("web_url".equals(type) || "account_link".equals(type))
                && optionalText(button.get("url"), field + ".url") == null) {
            throw new MessengerValidationException(field + ".url", "A " + type + " button needs a url");
        }
        if ("postback".equals(type) || "phone_number".equals(type)) {
            measure(button.get("payload"), field + ".payload",
                    new Limit(field + ".payload", Measure.CHARACTERS, 1, POSTBACK_PAYLOAD_MAX, true, null, null, false));
        }
        if ("phone_number".equals(type) && !button.get("payload").textValue().startsWith("+")) {
            throw new MessengerValidationException(field + ".payload",
                    "A phone_number button needs the number in international format, starting with +");
        }
        JsonNode extensions = button.get("messenger_extensions");
        if (present(extensions) && !extensions.isBoolean()) {
            throw wrongShape(field + ".messenger_extensions", "a boolean", extensions);
        }
        optionalText(button.get("fallback_url"), field + ".fallback_url");
        optionalText(button.get("webview_height_ratio"), field + ".webview_height_ratio");
        optionalText(button.get("webview_share_button"), field + ".webview_share_button");
    }

    private static void checkRecipient(JsonNode node) {
        JsonNode recipient = optionalObject(node, "recipient");
        int count = 0;
        boolean phoneNumber = false;
        for (String kind : RECIPIENT_KINDS) {
            String value = recipient == null ? null : optionalText(recipient.get(kind), "recipient." + kind);
            if (value != null && !value.isEmpty()) {
                count++;
                phoneNumber |= "phone_number".equals(kind);
            }
        }
        if (count == 0) {
            throw new MessengerValidationException("recipient",
                    "No recipient: set the header " + MessengerConstants.RECIPIENT_ID + " (or another recipient header),"
                            + " the recipientId option, or the recipient of a SendRequest body");
        }
        if (count != 1) {
            throw new MessengerValidationException("recipient", count, 1,
                    "The recipient must have exactly 1 of " + String.join(", ", RECIPIENT_KINDS) + "; it has " + count);
        }
        JsonNode name = optionalObject(recipient.get("name"), "recipient.name");
        if (name != null) {
            if (!phoneNumber) {
                throw new MessengerValidationException("recipient.name",
                        "recipient.name goes only with a phone_number recipient (Customer Matching)");
            }
            optionalText(name.get("first_name"), "recipient.name.first_name");
            optionalText(name.get("last_name"), "recipient.name.last_name");
        }
    }

    private static void checkSenderAction(String action, JsonNode payloadNode) {
        if ("react".equals(action) || "unreact".equals(action)) {
            JsonNode payload = optionalObject(payloadNode, "payload");
            String messageId = payload == null ? null : optionalText(payload.get("message_id"), "payload.message_id");
            if (messageId == null || messageId.isEmpty()) {
                throw new MessengerValidationException("payload.message_id",
                        "sender_action " + action + " needs payload.message_id, the mid of the message to " + action + " to");
            }
            String reaction = optionalText(payload.get("reaction"), "payload.reaction");
            if ("react".equals(action) && (reaction == null || reaction.isEmpty())) {
                throw new MessengerValidationException("payload.reaction",
                        "sender_action react needs payload.reaction, an emoji");
            }
        }
    }

    private static void checkMessage(JsonNode message, Platform platform, boolean upload) {
        int contents = (present(message.get("text")) ? 1 : 0) + (present(message.get("attachment")) ? 1 : 0)
                + (present(message.get("sticker_id")) ? 1 : 0);
        if (contents != 1) {
            throw new MessengerValidationException("message",
                    contents == 0
                            ? "A message needs text, an attachment or a sticker_id; it has none"
                            : "A message has one of text, an attachment or a sticker_id, not " + contents
                                    + ": send them as separate messages");
        }
        if (present(message.get("attachment"))) {
            checkAttachment(object(message.get("attachment"), "message.attachment"), platform, upload);
        }
        JsonNode sticker = message.get("sticker_id");
        if (present(sticker) && !(sticker.canConvertToLong() && sticker.isIntegralNumber()
                || sticker.isTextual() && sticker.textValue().matches("\\d{1,19}"))) {
            throw wrongShape("message.sticker_id", "a sticker id (a whole number)", sticker);
        }
        JsonNode quickReplies = optionalArray(message.get("quick_replies"), "message.quick_replies");
        for (int i = 0; quickReplies != null && i < quickReplies.size(); i++) {
            checkQuickReply(quickReplies.get(i), "message.quick_replies[" + i + "]");
        }
    }

    private static void checkAttachment(JsonNode attachment, Platform platform, boolean upload) {
        String type = textOrEmpty(attachment.get("type"), "message.attachment.type");
        Set<String> allowed = ATTACHMENT_TYPES.get(platform);
        if (!allowed.contains(type)) {
            boolean instagramOnly = ATTACHMENT_TYPES.get(Platform.INSTAGRAM).contains(type);
            throw new MessengerValidationException("message.attachment.type",
                    "Attachment type '" + type + "' is not one of " + sorted(allowed)
                            + (instagramOnly ? " (it is Instagram's: set platform=instagram)" : ""));
        }
        if (upload && !MEDIA_TYPES.contains(type)) {
            throw new MessengerValidationException("message.attachment.type",
                    "A file upload is audio, file, image or video, not " + type);
        }
        if ("like_heart".equals(type)) {
            if (present(attachment.get("payload"))) {
                throw new MessengerValidationException("message.attachment.payload",
                        "A like_heart sticker has no payload");
            }
            return;
        }
        JsonNode payload = attachment.get("payload");
        if (!present(payload) || !payload.isObject()) {
            throw wrongShape("message.attachment.payload", "an object (a " + type + " attachment needs a payload)", payload);
        }
        if (upload) {
            return;
        }
        if ("template".equals(type)) {
            if (textOrEmpty(payload.get("template_type"), "message.attachment.payload.template_type").isEmpty()) {
                throw new MessengerValidationException("message.attachment.payload.template_type",
                        "A template payload needs template_type (generic, button, media, receipt, ...)");
            }
            return;
        }
        if ("MEDIA_SHARE".equals(type)) {
            String postId = optionalText(payload.get("id"), "message.attachment.payload.id");
            if (postId == null || postId.isEmpty()) {
                throw new MessengerValidationException("message.attachment.payload.id",
                        "A MEDIA_SHARE attachment needs payload.id, the id of the published post");
            }
            return;
        }
        String url = optionalText(payload.get("url"), "message.attachment.payload.url");
        String attachmentId = optionalText(payload.get("attachment_id"), "message.attachment.payload.attachment_id");
        JsonNode reusable = payload.get("is_reusable");
        if (present(reusable) && !reusable.isBoolean()) {
            throw wrongShape("message.attachment.payload.is_reusable", "a boolean", reusable);
        }
        boolean byUrl = url != null && !url.isEmpty();
        boolean byId = attachmentId != null && !attachmentId.isEmpty();
        if (byUrl == byId) {
            throw new MessengerValidationException("message.attachment.payload",
                    "A " + type + " attachment needs exactly one of payload.url or payload.attachment_id");
        }
    }

    private static void checkQuickReply(JsonNode node, String field) {
        JsonNode quickReply = object(node, field);
        String contentType = textOrEmpty(quickReply.get("content_type"), field + ".content_type");
        if (!QUICK_REPLY_TYPES.contains(contentType)) {
            throw new MessengerValidationException(field + ".content_type",
                    "Quick reply content_type '" + contentType + "' is not one of text, user_phone_number, user_email");
        }
        if ("text".equals(contentType) && (!present(quickReply.get("title")) || !present(quickReply.get("payload")))) {
            throw new MessengerValidationException(field, "A text quick reply needs a title and a payload");
        }
    }

    private static void checkMessagingType(JsonNode request, JsonNode message, Platform platform) {
        String messagingType = textOrEmpty(request.get("messaging_type"), "messaging_type");
        String tag = optionalText(request.get("tag"), "tag");
        checkMessagingType(messagingType, tag, platform);
        if (CUSTOMER_FEEDBACK.equals(tag) && !"customer_feedback".equals(templateType(message))) {
            throw new MessengerValidationException("tag",
                    "The CUSTOMER_FEEDBACK tag may only send a customer feedback template (template_type customer_feedback)");
        }
        optionalText(request.get("notification_type"), "notification_type");
        optionalText(request.get("persona_id"), "persona_id");
        JsonNode replyTo = optionalObject(request.get("reply_to"), "reply_to");
        if (replyTo != null) {
            optionalText(replyTo.get("mid"), "reply_to.mid");
        }
    }

    /**
     * The messaging type and the tag go together: {@code MESSAGE_TAG} needs a tag, a tag needs {@code MESSAGE_TAG}, and
     * Instagram accepts only {@code HUMAN_AGENT}. Checked for every request, and for the endpoint's options when its
     * producer starts.
     */
    public static void checkMessagingType(String messagingType, String tag, Platform platform) {
        if (!MESSAGING_TYPES.contains(messagingType)) {
            throw new MessengerValidationException("messaging_type",
                    "messaging_type '" + messagingType + "' is not one of RESPONSE, UPDATE, MESSAGE_TAG, UTILITY");
        }
        if ("MESSAGE_TAG".equals(messagingType) && (tag == null || tag.isEmpty())) {
            throw new MessengerValidationException("tag",
                    "messaging_type MESSAGE_TAG needs the tag option or the " + MessengerConstants.TAG
                            + " header, e.g. CONFIRMED_EVENT_UPDATE");
        }
        if (tag != null && !"MESSAGE_TAG".equals(messagingType)) {
            throw new MessengerValidationException("messaging_type",
                    "tag " + tag + " needs messagingType=MESSAGE_TAG (the option or the " + MessengerConstants.MESSAGING_TYPE
                            + " header), not " + messagingType);
        }
        if (platform == Platform.INSTAGRAM && tag != null && !HUMAN_AGENT.equals(tag)) {
            throw new MessengerValidationException("tag",
                    "Instagram accepts only the HUMAN_AGENT tag, not " + tag);
        }
    }

    /**
     * Checks one row below {@code node}, the container at segment {@code index} of the row's path: every container on
     * the way must have the shape the path says (an object, or an array for a {@code []} segment), and the field is
     * measured where it is present.
     */
    private static void walk(JsonNode node, int index, String prefix, Limit limit) {
        String[] names = limit.names();
        if (index > 0 && !node.isObject()) {
            throw wrongShape(prefix, "an object", node);
        }
        JsonNode child = node.get(names[index]);
        String path = limit.hasArray()
                ? (prefix.isEmpty() ? names[index] : prefix + "." + names[index])
                : limit.prefixes()[index];
        boolean last = index == names.length - 1;
        if (!present(child)) {
            if (last && limit.required()) {
                throw new MessengerValidationException(path, path + " is required");
            }
            return;
        }
        if (limit.arrays()[index]) {
            if (!child.isArray()) {
                throw wrongShape(path, "an array", child);
            }
            for (int i = 0; i < child.size(); i++) {
                if (last) {
                    measure(child.get(i), path + "[" + i + "]", limit);
                } else {
                    walk(child.get(i), index + 1, path + "[" + i + "]", limit);
                }
            }
        } else if (last) {
            measure(child, path, limit);
        } else {
            walk(child, index + 1, path, limit);
        }
    }

    private static void measure(JsonNode value, String field, Limit limit) {
        if (!present(value)) {
            throw new MessengerValidationException(field, field + " is required");
        }
        int size;
        if (limit.measure() == Measure.ENTRIES) {
            if (!value.isArray()) {
                throw wrongShape(field, "an array", value);
            }
            size = value.size();
        } else {
            if (!value.isTextual() && !(limit.numberAllowed() && value.isNumber())) {
                throw wrongShape(field, limit.numberAllowed() ? "a string or a number" : "a string", value);
            }
            String text = value.asText();
            checkUtf16(text, field);
            size = limit.measure() == Measure.UTF8_BYTES ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
        }
        if (size < limit.min()) {
            throw new MessengerValidationException(field, size, limit.min(),
                    field + " is empty (" + size + " " + limit.measure().unit + "); it needs at least " + limit.min());
        }
        if (size > limit.max()) {
            String platformNote = limit.platform() == null ? "" : " on " + limit.platform().name().toLowerCase(Locale.ROOT);
            throw new MessengerValidationException(field, size, limit.max(),
                    field + " has " + size + " " + limit.measure().unit + "; the limit" + platformNote + " is "
                            + limit.max());
        }
    }

    /** An unpaired surrogate cannot be encoded as UTF-8: Meta would reject or mangle it. */
    private static void checkUtf16(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new MessengerValidationException(field, field + " has an unpaired surrogate at index " + i
                        + ": it is not valid UTF-16 text");
            }
            if (Character.isLowSurrogate(c)) {
                throw new MessengerValidationException(field, field + " has an unpaired surrogate at index " + i
                        + ": it is not valid UTF-16 text");
            }
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
