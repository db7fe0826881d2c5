package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Platform;

/**
 * Checks a Send API request against every documented rule before it leaves, so that a bad message fails with a clear
 * {@link MessengerValidationException} instead of a Graph error (or a silent loss). It works on the JSON that will be
 * sent, so typed bodies and raw Map/JsonNode bodies get the same checks.
 * <p>
 * Sources: Meta's Send API reference (developers.facebook.com/docs/messenger-platform/reference/send-api), the quick
 * replies reference, the message tags guide and the Instagram messaging API reference.
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
     * {@code templateType} limits the row to that template.
     */
    record Limit(String path, Measure measure, int min, int max, boolean required, Platform platform, String templateType,
                 String[] names, boolean[] arrays, boolean hasArray) {
        Limit(String path, Measure measure, int min, int max, boolean required, Platform platform, String templateType) {
            this(path, measure, min, max, required, platform, templateType, names(path), arrays(path), path.contains("[]"));
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
    }

    private static Limit limit(String path, Measure measure, int min, int max) {
        return new Limit(path, measure, min, max, false, null, null);
    }

    private static Limit template(String type, String field, Measure measure, int min, int max, boolean required) {
        return new Limit(PAYLOAD + "." + field, measure, min, max, required, null, type);
    }

    private static final String PAYLOAD = "message.attachment.payload";

    static final int TEXT_MAX_CHARACTERS = 1999;
    static final int INSTAGRAM_TEXT_MAX_BYTES = 1000;

    static final List<Limit> LIMITS = List.of(
            // message.text: non-empty, fewer than 2000 characters (Send API reference)
            limit("message.text", Measure.CHARACTERS, 1, TEXT_MAX_CHARACTERS),
            // Instagram: text of at most 1000 bytes, UTF-8 encoded (Instagram messaging reference)
            new Limit("message.text", Measure.UTF8_BYTES, 1, INSTAGRAM_TEXT_MAX_BYTES, false, Platform.INSTAGRAM, null),
            // message.metadata: fewer than 1000 characters
            limit("message.metadata", Measure.CHARACTERS, 0, 999),
            // quick replies: at most 13; title at most 20 characters; payload at most 1000 characters
            limit("message.quick_replies", Measure.ENTRIES, 1, 13),
            limit("message.quick_replies[].title", Measure.CHARACTERS, 1, 20),
            limit("message.quick_replies[].payload", Measure.CHARACTERS, 1, 1000),
            // generic template: at most 10 elements; title (required) and subtitle at most 80; at most 3 buttons
            template("generic", "elements", Measure.ENTRIES, 1, 10, true),
            template("generic", "elements[].title", Measure.CHARACTERS, 1, 80, true),
            template("generic", "elements[].subtitle", Measure.CHARACTERS, 0, 80, false),
            template("generic", "elements[].buttons", Measure.ENTRIES, 1, 3, false),
            // button template: text at most 640 characters, 1 to 3 buttons
            template("button", "text", Measure.CHARACTERS, 1, 640, true),
            template("button", "buttons", Measure.ENTRIES, 1, 3, true),
            // media template: exactly one element, at most one button
            template("media", "elements", Measure.ENTRIES, 1, 1, true),
            template("media", "elements[].buttons", Measure.ENTRIES, 1, 1, false),
            // receipt template: at most 100 elements
            template("receipt", "elements", Measure.ENTRIES, 0, 100, false),
            template("receipt", "recipient_name", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "order_number", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "currency", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            template("receipt", "payment_method", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true),
            // product template: 1 to 10 product ids
            template("product", "elements", Measure.ENTRIES, 1, 10, true),
            // image grid template: one element of 2 to 6 images, title at most 45, subtitle at most 80, <= 3 buttons
            template("image_grid", "elements", Measure.ENTRIES, 1, 1, true),
            template("image_grid", "elements[].images", Measure.ENTRIES, 2, 6, true),
            template("image_grid", "elements[].title", Measure.CHARACTERS, 0, 45, false),
            template("image_grid", "elements[].subtitle", Measure.CHARACTERS, 0, 80, false),
            template("image_grid", "elements[].buttons", Measure.ENTRIES, 1, 3, false),
            // customer feedback template: one screen with one question
            template("customer_feedback", "feedback_screens", Measure.ENTRIES, 1, 1, true),
            template("customer_feedback", "feedback_screens[].questions", Measure.ENTRIES, 1, 1, true),
            // coupon template: a title, and a code or a URL (checked below)
            template("coupon", "title", Measure.CHARACTERS, 1, Integer.MAX_VALUE, true));

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
    private static final java.util.Map<String, List<Limit>> TEMPLATE_LIMITS = LIMITS.stream()
            .filter(l -> l.templateType() != null)
            .collect(java.util.stream.Collectors.groupingBy(Limit::templateType));

    /** Button types of Meta's buttons reference; titles at most 20 characters, postback payloads at most 1000. */
    static final Set<String> BUTTON_TYPES = Set.of("web_url", "postback", "phone_number", "account_link", "account_unlink",
            "game_play");
    static final int BUTTON_TITLE_MAX = 20;
    static final int POSTBACK_PAYLOAD_MAX = 1000;

    static final Set<String> ATTACHMENT_TYPES = Set.of("audio", "file", "image", "template", "video");
    static final Set<String> QUICK_REPLY_TYPES = Set.of("text", "user_phone_number", "user_email");
    static final Set<String> MESSAGING_TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG", "UTILITY");
    static final String CUSTOMER_FEEDBACK = "CUSTOMER_FEEDBACK";
    /** The only tag Instagram messaging accepts. */
    static final String HUMAN_AGENT = "HUMAN_AGENT";

    private SendRequestValidator() {
    }

    public static void validate(JsonNode request, Platform platform) {
        validate(request, platform, false);
    }

    /** {@code upload}: the attachment's file travels as {@code filedata}, so its payload has no url or attachment_id. */
    public static void validate(JsonNode request, Platform platform, boolean upload) {
        checkRecipient(request.get("recipient"));
        JsonNode message = request.get("message");
        JsonNode senderAction = request.get("sender_action");
        if (present(message) && present(senderAction)) {
            throw new MessengerValidationException("sender_action",
                    "A request carries either a message or a sender_action, never both: send the sender action on its own");
        }
        if (present(senderAction)) {
            checkSenderAction(senderAction.asText(), request.get("payload"));
            return;
        }
        if (!present(message) || !message.isObject()) {
            throw new MessengerValidationException("message", "A request needs a message object or a sender_action");
        }
        checkMessage(message, upload);
        checkMessagingType(request, message, platform);
        String templateType = message.path("attachment").path("payload").path("template_type").asText(null);
        for (Limit limit : MESSAGE_LIMITS) {
            if (limit.platform() == null || limit.platform() == platform) {
                check(limit, request);
            }
        }
        for (Limit limit : templateType == null ? List.<Limit> of() : TEMPLATE_LIMITS.getOrDefault(templateType, List.of())) {
            check(limit, request);
        }
        if (templateType != null) {
            checkTemplate(templateType, message.path("attachment").path("payload"));
        }
    }

    /** The template rules that are not sizes: media types, hero images, and every button anywhere in the payload. */
    private static void checkTemplate(String templateType, JsonNode payload) {
        for (int i = 0; i < payload.path("elements").size(); i++) {
            JsonNode element = payload.path("elements").get(i);
            String field = PAYLOAD + ".elements[" + i + "]";
            if ("media".equals(templateType)) {
                String mediaType = element.path("media_type").asText("");
                if (!Set.of("image", "video").contains(mediaType)) {
                    throw new MessengerValidationException(field + ".media_type",
                            "media_type '" + mediaType + "' is not image or video (the media template sends no audio or file)");
                }
                if (present(element.get("attachment_id")) == present(element.get("url"))) {
                    throw new MessengerValidationException(field, "A media element needs exactly one of attachment_id or url");
                }
            }
            if ("image_grid".equals(templateType)) {
                int heroes = 0;
                for (JsonNode image : element.path("images")) {
                    heroes += image.path("is_hero_image").asBoolean(false) ? 1 : 0;
                }
                if (heroes > 1) {
                    throw new MessengerValidationException(field + ".images", heroes, 1,
                            field + ".images has " + heroes + " hero images; the limit is 1");
                }
                for (JsonNode button : element.path("buttons")) {
                    if (!Set.of("web_url", "postback").contains(button.path("type").asText(""))) {
                        throw new MessengerValidationException(field + ".buttons",
                                "The image grid template takes only web_url and postback buttons");
                    }
                }
            }
        }
        if ("coupon".equals(templateType) && !present(payload.get("coupon_code")) && !present(payload.get("coupon_url"))) {
            throw new MessengerValidationException(PAYLOAD, "A coupon template needs a coupon_code or a coupon_url");
        }
        checkButtons(payload, PAYLOAD);
    }

    private static void checkButtons(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String childPath = path + "." + field.getKey();
                if ("buttons".equals(field.getKey()) && field.getValue().isArray()) {
                    for (int i = 0; i < field.getValue().size(); i++) {
                        checkButton(field.getValue().get(i), childPath + "[" + i + "]");
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

    private static void checkButton(JsonNode button, String field) {
        String type = button.path("type").asText("");
        if (!BUTTON_TYPES.contains(type)) {
            throw new MessengerValidationException(field + ".type",
                    "Button type '" + type + "' is not one of " + String.join(", ", BUTTON_TYPES.stream().sorted().toList()));
        }
        boolean needsTitle = !"account_link".equals(type) && !"account_unlink".equals(type);
        if (needsTitle) {
            measure(button.get("title"), field + ".title", new Limit(field + ".title", Measure.CHARACTERS, 1, BUTTON_TITLE_MAX,
                    true, null, null));
        }
        if (("web_url".equals(type) || "account_link".equals(type)) && !present(button.get("url"))) {
            throw new MessengerValidationException(field + ".url", "A " + type + " button needs a url");
        }
        if ("postback".equals(type) || "phone_number".equals(type)) {
            measure(button.get("payload"), field + ".payload", new Limit(field + ".payload", Measure.CHARACTERS, 1,
                    POSTBACK_PAYLOAD_MAX, true, null, null));
        }
        if ("phone_number".equals(type) && !button.path("payload").asText("").startsWith("+")) {
            throw new MessengerValidationException(field + ".payload",
                    "A phone_number button needs the number in international format, starting with +");
        }
    }

    private static void checkRecipient(JsonNode recipient) {
        int count = 0;
        if (recipient != null && recipient.isObject()) {
            for (String field : List.of("id", "user_ref", "post_id", "comment_id")) {
                if (present(recipient.get(field)) && !recipient.get(field).asText().isEmpty()) {
                    count++;
                }
            }
        }
        if (count != 1) {
            throw new MessengerValidationException("recipient", count, 1,
                    "The recipient must have exactly 1 of id, user_ref, post_id, comment_id; it has " + count);
        }
    }

    private static void checkSenderAction(String action, JsonNode payload) {
        if ("react".equals(action) || "unreact".equals(action)) {
            if (payload == null || !present(payload.get("message_id")) || payload.get("message_id").asText().isEmpty()) {
                throw new MessengerValidationException("payload.message_id",
                        "sender_action " + action + " needs payload.message_id, the mid of the message to " + action + " to");
            }
            if ("react".equals(action) && (!present(payload.get("reaction")) || payload.get("reaction").asText().isEmpty())) {
                throw new MessengerValidationException("payload.reaction", "sender_action react needs payload.reaction, an emoji");
            }
        }
    }

    private static void checkMessage(JsonNode message, boolean upload) {
        boolean hasText = present(message.get("text"));
        boolean hasAttachment = present(message.get("attachment"));
        if (hasText == hasAttachment) {
            throw new MessengerValidationException("message",
                    hasText ? "A message has text or an attachment, not both: send them as two messages"
                            : "A message needs text or an attachment; it has neither");
        }
        if (hasAttachment) {
            checkAttachment(message.get("attachment"), upload);
        }
        JsonNode quickReplies = message.get("quick_replies");
        if (present(quickReplies)) {
            for (int i = 0; i < quickReplies.size(); i++) {
                checkQuickReply(quickReplies.get(i), "message.quick_replies[" + i + "]");
            }
        }
    }

    private static void checkAttachment(JsonNode attachment, boolean upload) {
        String type = attachment.path("type").asText("");
        if (!ATTACHMENT_TYPES.contains(type)) {
            throw new MessengerValidationException("message.attachment.type",
                    "Attachment type '" + type + "' is not one of " + String.join(", ", ATTACHMENT_TYPES.stream().sorted().toList()));
        }
        JsonNode payload = attachment.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MessengerValidationException("message.attachment.payload", "A " + type + " attachment needs a payload object");
        }
        if (upload) {
            if ("template".equals(type)) {
                throw new MessengerValidationException("message.attachment.type", "A file upload is audio, file, image or video, not a template");
            }
            return;
        }
        if ("template".equals(type)) {
            if (payload.path("template_type").asText("").isEmpty()) {
                throw new MessengerValidationException("message.attachment.payload.template_type",
                        "A template payload needs template_type (generic, button, media, receipt, ...)");
            }
            return;
        }
        boolean byUrl = present(payload.get("url")) && !payload.get("url").asText().isEmpty();
        boolean byId = present(payload.get("attachment_id")) && !payload.get("attachment_id").asText().isEmpty();
        if (byUrl == byId) {
            throw new MessengerValidationException("message.attachment.payload",
                    "A " + type + " attachment needs exactly one of payload.url or payload.attachment_id");
        }
    }

    private static void checkQuickReply(JsonNode quickReply, String field) {
        String contentType = quickReply.path("content_type").asText("");
        if (!QUICK_REPLY_TYPES.contains(contentType)) {
            throw new MessengerValidationException(field + ".content_type",
                    "Quick reply content_type '" + contentType + "' is not one of text, user_phone_number, user_email");
        }
        if ("text".equals(contentType) && (!present(quickReply.get("title")) || !present(quickReply.get("payload")))) {
            throw new MessengerValidationException(field, "A text quick reply needs a title and a payload");
        }
    }

    private static void checkMessagingType(JsonNode request, JsonNode message, Platform platform) {
        String messagingType = request.path("messaging_type").asText("");
        if (!MESSAGING_TYPES.contains(messagingType)) {
            throw new MessengerValidationException("messaging_type",
                    "messaging_type '" + messagingType + "' is not one of RESPONSE, UPDATE, MESSAGE_TAG, UTILITY");
        }
        String tag = present(request.get("tag")) ? request.get("tag").asText() : null;
        if ("MESSAGE_TAG".equals(messagingType) && (tag == null || tag.isEmpty())) {
            throw new MessengerValidationException("tag",
                    "messaging_type MESSAGE_TAG needs a tag (option tag or header CamelMessengerTag)");
        }
        if (tag != null && !"MESSAGE_TAG".equals(messagingType)) {
            throw new MessengerValidationException("messaging_type",
                    "tag " + tag + " needs messaging_type MESSAGE_TAG, not " + messagingType);
        }
        if (platform == Platform.INSTAGRAM && tag != null && !HUMAN_AGENT.equals(tag)) {
            throw new MessengerValidationException("tag",
                    "Instagram accepts only the HUMAN_AGENT tag, not " + tag);
        }
        if (CUSTOMER_FEEDBACK.equals(tag)
                && !"customer_feedback".equals(message.path("attachment").path("payload").path("template_type").asText(""))) {
            throw new MessengerValidationException("tag",
                    "The CUSTOMER_FEEDBACK tag may only send a customer feedback template (template_type customer_feedback)");
        }
    }

    private static void check(Limit limit, JsonNode request) {
        if (limit.hasArray()) {
            walk(request, 0, "", limit);
            return;
        }
        // no array on the way: the field's name is the limit's path, no string to build
        JsonNode node = request;
        String[] names = limit.names();
        for (int i = 0; i < names.length; i++) {
            JsonNode child = node.get(names[i]);
            if (child == null || child.isNull()) {
                if (i == names.length - 1 && limit.required()) {
                    throw new MessengerValidationException(limit.path(), limit.path() + " is required");
                }
                return;
            }
            node = child;
        }
        measure(node, limit.path(), limit);
    }

    private static void walk(JsonNode node, int index, String prefix, Limit limit) {
        String[] names = limit.names();
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (index == names.length && limit.required()) {
                throw new MessengerValidationException(prefix, prefix + " is required");
            }
            return;
        }
        if (index == names.length) {
            measure(node, prefix, limit);
            return;
        }
        String name = names[index];
        JsonNode child = node.get(name);
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        if (limit.arrays()[index]) {
            if (child != null && child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    walk(child.get(i), index + 1, path + "[" + i + "]", limit);
                }
            }
        } else if (child != null || index + 1 == names.length) {
            walk(child, index + 1, path, limit);
        }
    }

    private static void measure(JsonNode value, String field, Limit limit) {
        if (!present(value)) {
            throw new MessengerValidationException(field, field + " is required");
        }
        int size;
        if (limit.measure() == Measure.ENTRIES) {
            size = value.size();
        } else {
            String text = value.asText();
            checkUtf16(text, field);
            size = limit.measure() == Measure.UTF8_BYTES ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
        }
        if (size < limit.min()) {
            throw new MessengerValidationException(field, size, limit.min(),
                    field + " is empty (" + size + " " + limit.measure().unit + "); it needs at least " + limit.min());
        }
        if (size > limit.max()) {
            String platformNote = limit.platform() == null ? "" : " on " + limit.platform().name().toLowerCase(java.util.Locale.ROOT);
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

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
