package io.github.camelmessenger.send;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.graph.FilePart;
import io.github.camelmessenger.graph.GraphJson;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.NotificationType;
import io.github.camelmessenger.model.Reaction;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.ReplyTo;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.SenderAction;
import io.github.camelmessenger.model.template.Template;
import org.apache.camel.Exchange;

/**
 * Turns an exchange into the JSON of a Send API request: the body gives the message (see the body table in the docs),
 * then every field the body leaves unset is taken from its header, else from the endpoint option. The result is a
 * JSON tree so that the validator checks exactly what will be sent, whatever the body type was.
 */
public final class SendRequestResolver {

    private final MessengerConfiguration configuration;

    public SendRequestResolver(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * A request ready to validate and send.
     *
     * @param file the {@code filedata} of an upload, or null for a JSON request
     */
    public record Resolved(ObjectNode request, FilePart file) {
    }

    public Resolved resolve(Exchange exchange) {
        org.apache.camel.Message in = exchange.getMessage();
        SenderAction headerAction = senderActionHeader(in);
        Object body = in.getBody();
        ObjectNode request;
        FilePart file = null;
        if (headerAction != null) {
            request = senderAction(headerAction, body);
        } else if (FileBodies.isFile(body)) {
            String type = uploadType(in, body);
            file = FileBodies.toFilePart(body, in, type, configuration.platformType());
            request = GraphJson.objectNode();
            request.set("message", GraphJson.toTree(Message.attachment(uploadAttachment(type, in))));
        } else {
            request = fromBody(body, in.getHeader(MessengerConstants.ATTACHMENT_TYPE, String.class), isReusable(in));
        }
        fillFromHeadersAndOptions(request, in);
        return new Resolved(inDocumentedOrder(request), file);
    }

    /**
     * The attachment alone, for the Attachment Upload API ({@code messenger:upload}): a URL (String body with the
     * attachment type header), an {@link Attachment}, or a file. Always reusable: that is the point of an upload.
     */
    public Resolved resolveUpload(Exchange exchange) {
        org.apache.camel.Message in = exchange.getMessage();
        Object body = in.getBody();
        ObjectNode request = GraphJson.objectNode();
        FilePart file = null;
        Attachment attachment;
        if (FileBodies.isFile(body)) {
            String type = uploadType(in, body);
            file = FileBodies.toFilePart(body, in, type, configuration.platformType());
            attachment = new Attachment(type, java.util.Map.of("is_reusable", true));
        } else if (body instanceof Attachment given) {
            attachment = given;
        } else if (body instanceof CharSequence url) {
            String type = in.getHeader(MessengerConstants.ATTACHMENT_TYPE, String.class);
            if (type == null) {
                throw new MessengerValidationException("message.attachment.type", "messenger:upload of a URL needs the header "
                                                                                  + MessengerConstants.ATTACHMENT_TYPE + " (image, audio, video, file)");
            }
            attachment = Attachment.reusable(mediaType(type), url.toString());
        } else {
            throw new MessengerValidationException("message.attachment", "messenger:upload takes a URL (String), an Attachment"
                                                                         + " or a file (byte[], File, Path, InputStream), not "
                                                                         + typeName(body));
        }
        request.set("message", tree(Message.attachment(attachment), "message"));
        if (configuration.platformType() == io.github.camelmessenger.model.Platform.INSTAGRAM) {
            request.put("platform", "instagram");
        }
        return new Resolved(request, file);
    }

    private static String uploadType(org.apache.camel.Message in, Object body) {
        String type = in.getHeader(MessengerConstants.ATTACHMENT_TYPE, String.class);
        if (type == null) {
            throw new MessengerValidationException("message.attachment.type", "A " + typeName(body) + " body is uploaded as a"
                                                                              + " file: set the header "
                                                                              + MessengerConstants.ATTACHMENT_TYPE
                                                                              + " to image, audio, video or file");
        }
        return mediaType(type);
    }

    private static Attachment uploadAttachment(String type, org.apache.camel.Message in) {
        return new Attachment(type, isReusable(in) ? java.util.Map.of("is_reusable", true) : java.util.Map.of());
    }

    private static boolean isReusable(org.apache.camel.Message in) {
        return Boolean.TRUE.equals(in.getHeader(MessengerConstants.ATTACHMENT_REUSABLE, Boolean.class));
    }

    /** The field order of Meta's examples, so that logged and recorded requests read like the docs. */
    private static final List<String> FIELD_ORDER = List.of("recipient", "messaging_type", "tag", "notification_type",
            "persona_id", "reply_to", "message", "sender_action", "payload");

    private static ObjectNode inDocumentedOrder(ObjectNode request) {
        ObjectNode ordered = GraphJson.objectNode();
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
            return (ObjectNode) GraphJson.toTree(new SendRequest(null, null, null, null, null, action, reaction, null, null));
        }
        return (ObjectNode) GraphJson.toTree(SendRequest.senderAction(null, action));
    }

    private static ObjectNode fromBody(Object body, String attachmentType, boolean reusable) {
        if (body instanceof SendRequest request) {
            return (ObjectNode) tree(request, "request");
        }
        if (body instanceof Reaction reaction) {
            return (ObjectNode) GraphJson.toTree(SendRequest.reaction(null, reaction));
        }
        if (body instanceof SenderAction action) {
            return senderAction(action, null);
        }
        ObjectNode request = GraphJson.objectNode();
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
            Attachment attachment = reusable
                    ? Attachment.reusable(mediaType(attachmentType), url.toString())
                    : Attachment.url(mediaType(attachmentType), url.toString());
            request.set("message", GraphJson.toTree(Message.attachment(attachment)));
        } else {
            throw new MessengerValidationException("message",
                    "Cannot send a body of type " + typeName(body) + ": use a String, "
                                                      + "io.github.camelmessenger.model.Message, SendRequest, Attachment, "
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
        return GraphJson.toTree(body, field);
    }

    private static String mediaType(String attachmentType) {
        String type = attachmentType.trim().toLowerCase(Locale.ROOT);
        if (!List.of(Attachment.IMAGE, Attachment.AUDIO, Attachment.VIDEO, Attachment.FILE).contains(type)) {
            throw new MessengerValidationException("message.attachment.type",
                    MessengerConstants.ATTACHMENT_TYPE + " '" + attachmentType + "' is not one of image, audio, video, file");
        }
        return type;
    }

    private void fillFromHeadersAndOptions(ObjectNode request, org.apache.camel.Message in) {
        if (!request.hasNonNull("recipient")) {
            request.set("recipient", GraphJson.toTree(recipient(in)));
        }
        boolean isMessage = request.hasNonNull("message");
        if (isMessage) {
            putIfAbsent(request, "messaging_type", enumValue(in, MessengerConstants.MESSAGING_TYPE, MessagingType.class,
                    configuration.getMessagingType()));
            putIfAbsent(request, "tag", header(in, MessengerConstants.TAG, configuration.getTag()));
            putIfAbsent(request, "notification_type", enumValue(in, MessengerConstants.NOTIFICATION_TYPE,
                    NotificationType.class, configuration.getNotificationType()));
            if (!request.hasNonNull("reply_to")) {
                String mid = in.getHeader(MessengerConstants.REPLY_TO, String.class);
                if (mid != null) {
                    request.set("reply_to", GraphJson.toTree(ReplyTo.mid(mid)));
                }
            }
            JsonNode message = request.get("message");
            String metadata = in.getHeader(MessengerConstants.METADATA, String.class);
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

    /** The recipient headers, else the recipientId option; more than one recipient header is an error. */
    private Recipient recipient(org.apache.camel.Message in) {
        List<Recipient> fromHeaders = new ArrayList<>(1);
        addIfSet(fromHeaders, in.getHeader(MessengerConstants.RECIPIENT_ID, String.class), Recipient::id);
        addIfSet(fromHeaders, in.getHeader(MessengerConstants.RECIPIENT_USER_REF, String.class), Recipient::userRef);
        addIfSet(fromHeaders, in.getHeader(MessengerConstants.RECIPIENT_POST_ID, String.class), Recipient::postId);
        addIfSet(fromHeaders, in.getHeader(MessengerConstants.RECIPIENT_COMMENT_ID, String.class), Recipient::commentId);
        Recipient.Name name = recipientName(in.getHeader(MessengerConstants.RECIPIENT_NAME));
        addIfSet(fromHeaders, in.getHeader(MessengerConstants.RECIPIENT_PHONE_NUMBER, String.class),
                phone -> Recipient.phoneNumber(phone, name));
        if (fromHeaders.size() > 1) {
            throw new MessengerValidationException("recipient", fromHeaders.size(), 1,
                    "Exactly 1 recipient header may be set, got " + fromHeaders.size()
                                                                       + " (id, user_ref, post_id, comment_id, phone_number are exclusive)");
        }
        if (name != null && (fromHeaders.isEmpty() || fromHeaders.get(0).phoneNumber() == null)) {
            throw new MessengerValidationException("recipient.name", MessengerConstants.RECIPIENT_NAME + " goes only with "
                                                                     + MessengerConstants.RECIPIENT_PHONE_NUMBER);
        }
        if (fromHeaders.size() == 1) {
            return fromHeaders.get(0);
        }
        if (configuration.getRecipientId() == null) {
            throw new MessengerValidationException("recipient",
                    "No recipient: set the header " + MessengerConstants.RECIPIENT_ID
                                                                + " (or another recipient header), the recipientId option, or the recipient of a SendRequest body");
        }
        return Recipient.id(configuration.getRecipientId());
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

    private static void addIfSet(List<Recipient> list, String value, java.util.function.Function<String, Recipient> factory) {
        if (value != null && !value.isEmpty()) {
            list.add(factory.apply(value));
        }
    }

    private static SenderAction senderActionHeader(org.apache.camel.Message in) {
        String value = in.getHeader(MessengerConstants.SENDER_ACTION, String.class);
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

    private static String header(org.apache.camel.Message in, String name, String option) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : option;
    }

    private static <E extends Enum<E>> String enumValue(org.apache.camel.Message in, String name, Class<E> type, E option) {
        String value = in.getHeader(name, String.class);
        if (value == null) {
            return option == null ? null : option.name();
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value.trim())) {
                return candidate.name();
            }
        }
        throw new MessengerValidationException(jsonName(type), name + " '" + value + "' is not one of "
                                                               + allowed(type.getEnumConstants(), false));
    }

    private static String jsonName(Class<?> type) {
        return type == MessagingType.class ? "messaging_type" : "notification_type";
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
