package io.github.camelmessenger.internal.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.internal.graph.FilePart;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.internal.json.Json;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.NotificationType;
import io.github.camelmessenger.model.Platform;
import io.github.camelmessenger.model.Reaction;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.ReplyTo;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.SenderAction;
import io.github.camelmessenger.model.template.Template;
import org.apache.camel.Exchange;

/**
 * Turns an exchange into the final, validated plan of what {@code messenger:send} or {@code messenger:upload} sends.
 * The body gives the message (see the body table in the docs), then every field the body leaves unset is taken from
 * its header, else from the endpoint option. The request is built as a JSON tree so that the validator checks exactly
 * what will be sent, whatever the body type was; every rewrite (the parts of a long text, the cached attachment's id,
 * {@code is_reusable}) happens before that check, never after.
 */
public final class SendPlanner {

    static final String MESSAGES_EDGE = "messages";
    static final String ATTACHMENTS_EDGE = "message_attachments";

    /** The field order of Meta's examples, so that logged and recorded requests read like the docs. */
    private static final List<String> FIELD_ORDER = List.of("recipient", "messaging_type", "tag", "notification_type",
            "persona_id", "reply_to", "message", "sender_action", "payload");

    private final MessengerConfiguration configuration;
    private final Platform platform;
    private final AttachmentCache cache;
    private final Clock clock = Clock.systemUTC();

    public SendPlanner(MessengerConfiguration configuration) {
        this.configuration = configuration;
        this.platform = configuration.platformType();
        this.cache = configuration.isAttachmentCache()
                ? new AttachmentCache(Duration.ofMillis(configuration.getAttachmentCacheTtl()), clock)
                : null;
    }

    /**
     * The plan of a {@code messenger:send} exchange. It completes at once, except when another exchange is uploading
     * the same cached attachment: then when that upload answers, with its attachment_id.
     *
     * @throws MessengerValidationException when the request breaks a documented rule; nothing was sent
     */
    public CompletableFuture<SendPlan> planSend(Exchange in, String pageId, PageCredentials credentials) {
        ObjectNode request;
        FilePart file = null;
        SenderAction headerAction = senderActionHeader(in);
        Object body = in.getMessage().getBody();
        if (headerAction != null) {
            request = senderAction(headerAction, body);
        } else if (FileBodies.isFile(body)) {
            String type = uploadType(in, body);
            file = FileBodies.toFilePart(body, in, type, SendRequestValidator.uploadLimit(platform, type));
            request = Json.objectNode();
            request.putObject("message").putObject("attachment").put("type", type).putObject("payload");
        } else {
            request = fromBody(body, header(in, MessengerConstants.ATTACHMENT_TYPE, String.class));
        }
        fillFromHeadersAndOptions(request, in);
        request = inDocumentedOrder(request);
        if (Boolean.TRUE.equals(header(in, MessengerConstants.ATTACHMENT_REUSABLE, Boolean.class))) {
            request = reusable(request);
        }

        List<String> parts = configuration.isSplitLongText() ? longTextParts(request) : List.of();
        if (parts.size() > 1) {
            return CompletableFuture.completedFuture(textInParts(request, parts, pageId, credentials));
        }
        String cacheKey = cache == null ? null : AttachmentCache.keyOf(pageId, request, file);
        if (cacheKey == null) {
            return CompletableFuture.completedFuture(single(request, file, pageId, credentials, null));
        }
        return cached(cacheKey, request, file, pageId, credentials, true);
    }

    /**
     * A cached attachment: by its attachment_id when known, uploaded as reusable by the first exchange that sends it,
     * and for the others when that upload answers (or, if it failed, uploaded by them in turn).
     */
    private CompletableFuture<SendPlan> cached(String key, ObjectNode request, FilePart file, String pageId,
            PageCredentials credentials, boolean claimAgainOnFailure) {
        SendRequestValidator.validate(request, platform, file);
        CompletableFuture<String> known = cache.claim(key);
        if (known == null) {
            return CompletableFuture.completedFuture(single(reusable(request), file, pageId, credentials, key));
        }
        return known.handle((attachmentId, uploadFailed) -> attachmentId)
                .thenCompose(attachmentId -> attachmentId != null
                        ? CompletableFuture
                                .completedFuture(single(byAttachmentId(request, attachmentId), null, pageId, credentials, null))
                        : claimAgainOnFailure
                                ? cached(key, request, file, pageId, credentials, false)
                                : CompletableFuture
                                        .completedFuture(single(reusable(request), file, pageId, credentials, null)));
    }

    private SendPlan single(ObjectNode request, FilePart file, String pageId, PageCredentials credentials, String cacheKey) {
        SendRequestValidator.validate(request, platform, file);
        SendPlan.Confirmation confirmation = request.has("message")
                ? SendPlan.Confirmation.MESSAGE_ID
                : SendPlan.Confirmation.ANSWER;
        return new SendPlan(List.of(graphRequest(pageId, MESSAGES_EDGE, request, file, credentials)), confirmation, false,
                cacheKey == null ? null : cache, cacheKey);
    }

    /** Each part of a long text is its own validated request; quick replies go with the last. */
    private SendPlan textInParts(ObjectNode request, List<String> parts, String pageId, PageCredentials credentials) {
        List<GraphRequest> requests = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode part = request.deepCopy();
            ObjectNode message = (ObjectNode) part.get("message");
            message.put("text", parts.get(i));
            if (i < parts.size() - 1) {
                message.remove("quick_replies");
            }
            SendRequestValidator.validate(part, platform, null);
            requests.add(graphRequest(pageId, MESSAGES_EDGE, part, null, credentials));
        }
        return new SendPlan(requests, SendPlan.Confirmation.MESSAGE_ID, true, null, null);
    }

    /**
     * The plan of a {@code messenger:upload} exchange (the Attachment Upload API): a URL (String body with the attachment
     * type header), an {@link Attachment}, or a file. Always reusable: that is the point of an upload.
     */
    public SendPlan planUpload(Exchange in, String pageId, PageCredentials credentials) {
        Object body = in.getMessage().getBody();
        FilePart file = null;
        ObjectNode attachment;
        if (FileBodies.isFile(body)) {
            String type = uploadType(in, body);
            file = FileBodies.toFilePart(body, in, type, SendRequestValidator.uploadLimit(platform, type));
            attachment = Json.objectNode().put("type", type);
            attachment.putObject("payload");
        } else if (body instanceof Attachment given) {
            attachment = (ObjectNode) tree(given, "message.attachment");
        } else if (body instanceof CharSequence url) {
            String type = header(in, MessengerConstants.ATTACHMENT_TYPE, String.class);
            if (type == null) {
                throw new MessengerValidationException("message.attachment.type", "messenger:upload of a URL needs the header "
                        + MessengerConstants.ATTACHMENT_TYPE + " (image, audio, video, file)");
            }
            attachment = (ObjectNode) Json.toTree(Attachment.url(mediaType(type), url.toString()));
        } else {
            throw new MessengerValidationException("message.attachment", "messenger:upload takes a URL (String), an Attachment"
                    + " or a file (byte[], File, Path, InputStream), not "
                    + typeName(body));
        }
        ObjectNode request = Json.objectNode();
        request.set("message", Json.objectNode().set("attachment", attachment));
        request = reusable(request);
        if (platform == Platform.INSTAGRAM) {
            request.put("platform", "instagram");
        }
        SendRequestValidator.validateUpload(request, platform, file);
        return new SendPlan(List.of(graphRequest(pageId, ATTACHMENTS_EDGE, request, file, credentials)),
                SendPlan.Confirmation.ATTACHMENT_ID, false, null, null);
    }

    /** A JSON request, or {@code multipart/form-data} with the file streamed as {@code filedata}. */
    private static GraphRequest graphRequest(String pageId, String edge, ObjectNode request, FilePart file,
            PageCredentials credentials) {
        String path = pageId + "/" + edge;
        if (file == null) {
            return GraphRequest.post(path, credentials, Json.toBytes(request));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        request.fields().forEachRemaining(
                field -> fields.put(field.getKey(),
                        field.getValue().isTextual() ? field.getValue().asText() : Json.toText(field.getValue())));
        return new GraphRequest("POST", path, null, credentials, new GraphRequest.MultipartBody(fields, file));
    }

    private static ObjectNode byAttachmentId(ObjectNode request, String attachmentId) {
        ObjectNode copy = request.deepCopy();
        ((ObjectNode) copy.get("message").get("attachment")).putObject("payload").put("attachment_id", attachmentId);
        return copy;
    }

    /** {@code is_reusable}, so that the answer carries the attachment_id: for a media attachment with a payload. */
    private static ObjectNode reusable(ObjectNode request) {
        JsonNode attachment = request.path("message").path("attachment");
        if (!SendRequestValidator.MEDIA_TYPES.contains(attachment.path("type").asText())
                || !attachment.path("payload").isObject()) {
            return request;
        }
        ObjectNode copy = request.deepCopy();
        ((ObjectNode) copy.get("message").get("attachment").get("payload")).put("is_reusable", true);
        return copy;
    }

    /** The parts of a text over the platform's limit, or an empty list when it needs no split. */
    private List<String> longTextParts(ObjectNode request) {
        JsonNode text = request.path("message").path("text");
        if (!text.isTextual()) {
            return List.of();
        }
        int maxBytes = platform == Platform.INSTAGRAM ? SendRequestValidator.INSTAGRAM_TEXT_MAX_BYTES : Integer.MAX_VALUE;
        return TextSplitter.split(text.asText(), SendRequestValidator.TEXT_MAX_CHARACTERS, maxBytes);
    }

    private static String uploadType(Exchange in, Object body) {
        String type = header(in, MessengerConstants.ATTACHMENT_TYPE, String.class);
        if (type == null) {
            throw new MessengerValidationException("message.attachment.type", "A " + typeName(body) + " body is uploaded as a"
                    + " file: set the header "
                    + MessengerConstants.ATTACHMENT_TYPE
                    + " to image, audio, video or file");
        }
        return mediaType(type);
    }

    private static ObjectNode inDocumentedOrder(ObjectNode request) {
        ObjectNode ordered = Json.objectNode();
        for (String field : FIELD_ORDER) {
            if (request.has(field)) {
                ordered.set(field, request.get(field));
            }
        }
        request.fieldNames().forEachRemaining(field -> {
            if (!ordered.has(field)) {
                ordered.set(field, request.get(field));
            }
        });
        return ordered;
    }

    private static ObjectNode senderAction(SenderAction action, Object body) {
        if (action == SenderAction.REACT || action == SenderAction.UNREACT) {
            if (!(body instanceof Reaction reaction)) {
                throw new MessengerValidationException("payload",
                        "sender_action " + action.value() + " needs a Reaction body (message_id"
                                + (action == SenderAction.REACT ? " and reaction emoji" : "")
                                + "), got " + typeName(body));
            }
            return (ObjectNode) Json.toTree(new SendRequest(null, null, null, null, null, action, reaction, null, null));
        }
        return (ObjectNode) Json.toTree(SendRequest.senderAction(null, action));
    }

    private static ObjectNode fromBody(Object body, String attachmentType) {
        if (body instanceof SendRequest request) {
            return (ObjectNode) tree(request, "request");
        }
        if (body instanceof Reaction reaction) {
            return (ObjectNode) Json.toTree(SendRequest.reaction(null, reaction));
        }
        if (body instanceof SenderAction action) {
            return senderAction(action, null);
        }
        ObjectNode request = Json.objectNode();
        if (body instanceof Message || body instanceof Map || body instanceof JsonNode) {
            request.set("message", tree(body, "message"));
        } else if (body instanceof Template template) {
            request.set("message", tree(Message.template(template), "message"));
        } else if (body instanceof Attachment attachment) {
            request.set("message", tree(Message.attachment(attachment), "message"));
        } else if (body instanceof CharSequence text && attachmentType == null) {
            // the hot path: a text message, built as a tree directly
            request.putObject("message").put("text", text.toString());
        } else if (body instanceof CharSequence url) {
            request.set("message", Json.toTree(Message.attachment(
                    Attachment.url(mediaType(attachmentType), url.toString()))));
        } else {
            throw new MessengerValidationException("message",
                    "Cannot send a body of type " + typeName(body) + ": use a String, "
                            + "Message, SendRequest, Attachment, "
                            + "a template, Reaction, or a Map/JsonNode holding the message object");
        }
        return request;
    }

    /**
     * A body (or a typed request holding user objects) as a JSON tree: its structure is checked first, so that a cycle or
     * an absurd nesting is a validation error instead of a StackOverflowError, and what Jackson cannot write is one too.
     */
    private static JsonNode tree(Object body, String field) {
        BodyStructure.check(body, field);
        return Json.toTree(body, field);
    }

    /** The attachment type header as one of the media types of the validator's table. */
    private static String mediaType(String attachmentType) {
        String type = attachmentType.trim().toLowerCase(Locale.ROOT);
        if (!SendRequestValidator.MEDIA_TYPES.contains(type)) {
            throw new MessengerValidationException("message.attachment.type",
                    MessengerConstants.ATTACHMENT_TYPE + " '" + attachmentType + "' is not one of "
                            + String.join(", ", SendRequestValidator.MEDIA_TYPES.stream().sorted().toList()));
        }
        return type;
    }

    private void fillFromHeadersAndOptions(ObjectNode request, Exchange in) {
        if (!request.hasNonNull("recipient")) {
            request.set("recipient", Json.toTree(recipient(in)));
        }
        boolean isMessage = request.hasNonNull("message");
        if (isMessage) {
            Instant lastUserMessage = MessagingWindow.parse(header(in, MessengerConstants.LAST_USER_MESSAGE_TIME),
                    MessengerConstants.LAST_USER_MESSAGE_TIME);
            Instant now = clock.instant();
            // a person's message on a humanAgent endpoint: the window decides messaging_type and tag, unless the body does
            boolean windowDecides = configuration.isHumanAgent() && lastUserMessage != null
                    && !request.hasNonNull("messaging_type");
            if (windowDecides) {
                MessagingWindow.humanAgent(request, lastUserMessage, now);
            }
            putIfAbsent(request, "messaging_type", enumValue(in, MessengerConstants.MESSAGING_TYPE, MessagingType.class,
                    configuration.getMessagingType()));
            if (!windowDecides) {
                putIfAbsent(request, "tag", header(in, MessengerConstants.TAG, configuration.getTag()));
            }
            MessagingWindow.checkTag(request, lastUserMessage, now);
            putIfAbsent(request, "notification_type", enumValue(in, MessengerConstants.NOTIFICATION_TYPE,
                    NotificationType.class, configuration.getNotificationType()));
            if (!request.hasNonNull("reply_to")) {
                String mid = header(in, MessengerConstants.REPLY_TO, String.class);
                if (mid != null) {
                    request.set("reply_to", Json.toTree(ReplyTo.mid(mid)));
                }
            }
            JsonNode message = request.get("message");
            String metadata = header(in, MessengerConstants.METADATA, String.class);
            if (metadata != null && message instanceof ObjectNode messageObject && !messageObject.hasNonNull("metadata")) {
                messageObject.put("metadata", metadata);
            }
        }
        // a persona speaks in messages and typing indicators only (Personas reference): not for mark_seen or reactions
        String action = request.path("sender_action").asText(null);
        if (isMessage || "typing_on".equals(action) || "typing_off".equals(action)) {
            putIfAbsent(request, "persona_id", header(in, MessengerConstants.PERSONA_ID, configuration.getPersonaId()));
        }
    }

    /**
     * Every recipient header that is set, else the recipientId option, else none: the validator owns the rule that
     * exactly one kind of recipient is set, and says what to do when none is.
     */
    private Recipient recipient(Exchange in) {
        Recipient fromHeaders = new Recipient(
                nonEmpty(header(in, MessengerConstants.RECIPIENT_ID, String.class)),
                nonEmpty(header(in, MessengerConstants.RECIPIENT_USER_REF, String.class)),
                nonEmpty(header(in, MessengerConstants.RECIPIENT_POST_ID, String.class)),
                nonEmpty(header(in, MessengerConstants.RECIPIENT_COMMENT_ID, String.class)),
                nonEmpty(header(in, MessengerConstants.RECIPIENT_PHONE_NUMBER, String.class)),
                recipientName(header(in, MessengerConstants.RECIPIENT_NAME)));
        boolean noHeader = fromHeaders.id() == null && fromHeaders.userRef() == null && fromHeaders.postId() == null
                && fromHeaders.commentId() == null && fromHeaders.phoneNumber() == null;
        if (noHeader && configuration.getRecipientId() != null) {
            return new Recipient(configuration.getRecipientId(), null, null, null, null, fromHeaders.name());
        }
        return fromHeaders;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The name of a phone number recipient: a {@code Recipient.Name}, a {@code Map} or "First Last". */
    private static Recipient.Name recipientName(Object header) {
        if (header == null || header instanceof Recipient.Name) {
            return (Recipient.Name) header;
        }
        if (header instanceof Map<?, ?> map) {
            return Recipient.Name.of(stringOrNull(map.get("first_name")), stringOrNull(map.get("last_name")));
        }
        if (header instanceof CharSequence text && !text.toString().isBlank()) {
            return Recipient.Name.parse(text.toString());
        }
        throw new MessengerValidationException("recipient.name", MessengerConstants.RECIPIENT_NAME
                + " must be a Recipient.Name, a Map with first_name and last_name, or a String, not "
                + typeName(header));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    private static SenderAction senderActionHeader(Exchange in) {
        String value = header(in, MessengerConstants.SENDER_ACTION, String.class);
        if (value == null) {
            return null;
        }
        SenderAction action = SenderAction.fromValue(value);
        if (action == null) {
            throw new MessengerValidationException("sender_action", MessengerConstants.SENDER_ACTION + " '" + value
                    + "' is not one of " + allowed(SenderAction.values(), true));
        }
        return action;
    }

    private static <T> T header(Exchange in, String name, Class<T> type) {
        return in.getMessage().getHeader(name, type);
    }

    private static Object header(Exchange in, String name) {
        return in.getMessage().getHeader(name);
    }

    /** Header beats option. */
    private static String header(Exchange in, String name, String option) {
        String value = header(in, name, String.class);
        return value != null ? value : option;
    }

    private static <E extends Enum<E>> String enumValue(Exchange in, String name, Class<E> type, E option) {
        String value = header(in, name, String.class);
        if (value == null) {
            return option == null ? null : option.name();
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value.trim())) {
                return candidate.name();
            }
        }
        throw new MessengerValidationException(type == MessagingType.class ? "messaging_type" : "notification_type",
                name + " '" + value + "' is not one of " + allowed(type.getEnumConstants(), false));
    }

    private static String allowed(Enum<?>[] values, boolean lowerCase) {
        return Arrays.stream(values).map(v -> lowerCase ? v.name().toLowerCase(Locale.ROOT) : v.name())
                .collect(Collectors.joining(", "));
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static String typeName(Object body) {
        return body == null ? "null (empty body)" : body.getClass().getName();
    }
}
