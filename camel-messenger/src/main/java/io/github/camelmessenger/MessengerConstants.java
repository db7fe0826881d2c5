package io.github.camelmessenger;

import org.apache.camel.spi.Metadata;

/** The exchange headers of the {@code messenger} component. A header set on a message beats the endpoint option. */
public final class MessengerConstants {

    @Metadata(label = "producer", description = "The recipient's page-scoped id (PSID, or IGSID on Instagram). As"
            + " input it overrides the recipientId option; as output it holds the"
            + " recipient_id of the Send API response when the API returns one.", javaType = "String")
    public static final String RECIPIENT_ID = "CamelMessengerRecipientId";

    @Metadata(label = "producer", description = "The user_ref of the checkbox plugin or chat plugin to send to,"
            + " instead of a PSID.", javaType = "String")
    public static final String RECIPIENT_USER_REF = "CamelMessengerRecipientUserRef";

    @Metadata(label = "producer", description = "The id of a Page post to answer with a private reply, instead of a"
            + " PSID.", javaType = "String")
    public static final String RECIPIENT_POST_ID = "CamelMessengerRecipientPostId";

    @Metadata(label = "producer", description = "The id of a comment to answer with a private reply, instead of a"
            + " PSID.", javaType = "String")
    public static final String RECIPIENT_COMMENT_ID = "CamelMessengerRecipientCommentId";

    @Metadata(label = "producer", description = "A phone number in international format to send to (Customer"
            + " Matching), instead of a PSID. The Send API then answers without a"
            + " recipient_id.", javaType = "String")
    public static final String RECIPIENT_PHONE_NUMBER = "CamelMessengerRecipientPhoneNumber";

    @Metadata(label = "producer", description = "The name of the person behind CamelMessengerRecipientPhoneNumber"
            + " (recipient.name), which improves the match: a Recipient.Name, a Map"
            + " with first_name and last_name, or a String whose last word is the"
            + " last name.", javaType = "Object")
    public static final String RECIPIENT_NAME = "CamelMessengerRecipientName";

    @Metadata(label = "producer", description = "The messaging_type of this message; overrides the messagingType"
            + " option.", javaType = "io.github.camelmessenger.model.MessagingType",
            enums = "RESPONSE,UPDATE,MESSAGE_TAG,UTILITY")
    public static final String MESSAGING_TYPE = "CamelMessengerMessagingType";

    @Metadata(label = "producer", description = "The notification_type of this message; overrides the"
            + " notificationType option.", javaType = "io.github.camelmessenger.model.NotificationType",
            enums = "REGULAR,SILENT_PUSH,NO_PUSH")
    public static final String NOTIFICATION_TYPE = "CamelMessengerNotificationType";

    @Metadata(label = "producer", description = "The message tag of this message (needs messaging type"
            + " MESSAGE_TAG); overrides the tag option.", javaType = "String")
    public static final String TAG = "CamelMessengerTag";

    @Metadata(label = "producer", description = "The persona_id to send this message as; overrides the personaId"
            + " option. For personas: the persona to get or delete, and the output of create.", javaType = "String")
    public static final String PERSONA_ID = "CamelMessengerPersonaId";

    @Metadata(label = "producer", description = "Sends this sender action (typing_on, typing_off, mark_seen, react,"
            + " unreact) instead of a message. The body is not sent (react and"
            + " unreact take a Reaction body) and is left as it was.", javaType = "String",
            enums = "typing_on,typing_off,mark_seen,react,unreact")
    public static final String SENDER_ACTION = "CamelMessengerSenderAction";

    @Metadata(label = "producer", description = "The message.metadata of this message, a string of fewer than 1000"
            + " characters that comes back in the message echo webhook; for the thread-control operations, the"
            + " metadata the other app receives with the handover event.", javaType = "String")
    public static final String METADATA = "CamelMessengerMetadata";

    @Metadata(label = "producer", description = "The mid of the message this message replies to (reply_to).",
            javaType = "String")
    public static final String REPLY_TO = "CamelMessengerReplyTo";

    @Metadata(label = "producer", description = "The attachment type (image, audio, video, file) with which a String"
            + " body is sent as an attachment URL instead of as text, and a binary"
            + " body (a byte array, File, Path or InputStream) as an uploaded file.", javaType = "String",
            enums = "image,audio,video,file")
    public static final String ATTACHMENT_TYPE = "CamelMessengerAttachmentType";

    @Metadata(label = "producer", description = "The MIME type of a binary body (a byte array, File, Path or InputStream) sent"
            + " as filedata; guessed from the file name (CamelFileName) when unset.", javaType = "String")
    public static final String FILE_CONTENT_TYPE = "CamelMessengerFileContentType";

    @Metadata(label = "producer", description = "Set to true to upload an attachment (URL or file) as reusable"
            + " (is_reusable): the answer then carries its attachment_id.", javaType = "Boolean")
    public static final String ATTACHMENT_REUSABLE = "CamelMessengerAttachmentReusable";

    @Metadata(label = "producer", description = "Output: with splitLongText, the message_id of every part of a long"
            + " text, in the order they were sent.", javaType = "java.util.List<String>")
    public static final String MESSAGE_IDS = "CamelMessengerMessageIds";

    @Metadata(label = "producer", description = "Output: the message_id of the Send API response.", javaType = "String")
    public static final String MESSAGE_ID = "CamelMessengerMessageId";

    @Metadata(label = "producer", description = "Output: the attachment_id of a reusable attachment, or of an upload"
            + " (messenger:upload).", javaType = "String")
    public static final String ATTACHMENT_ID = "CamelMessengerAttachmentId";

    @Metadata(label = "producer", description = "Output: the X-App-Usage header of the Graph answer (JSON with"
            + " call_count, total_cputime, total_time in percent of the app's limit),"
            + " so a route can slow down before it is throttled.", javaType = "String")
    public static final String APP_USAGE = "CamelMessengerAppUsage";

    @Metadata(label = "producer", description = "Output: the X-Page-Usage header of the Graph answer, the Page's"
            + " share of its rate limit in percent.", javaType = "String")
    public static final String PAGE_USAGE = "CamelMessengerPageUsage";

    @Metadata(label = "producer", description = "Output: the X-Business-Use-Case-Usage header of the Graph answer,"
            + " with estimated_time_to_regain_access in minutes when throttled.", javaType = "String")
    public static final String BUSINESS_USE_CASE_USAGE = "CamelMessengerBusinessUseCaseUsage";

    @Metadata(label = "consumer", description = "The webhook object: page (Messenger) or instagram.", javaType = "String")
    public static final String OBJECT = "CamelMessengerObject";

    @Metadata(label = "common", description = "The id of the Page (or Instagram account). The webhook consumer sets it"
            + " from the event's entry id; every producer reads it as the Page to act for, with that Page's token,"
            + " overriding the pageId option: a reply route answers from the Page that received the message.",
            javaType = "String")
    public static final String PAGE_ID = "CamelMessengerPageId";

    @Metadata(label = "consumer", description = "The sender.id of the event: the PSID (or IGSID) of the person, or the"
            + " Page for an echo. Reply to it by copying it into"
            + " CamelMessengerRecipientId.", javaType = "String")
    public static final String SENDER_ID = "CamelMessengerSenderId";

    @Metadata(label = "consumer", description = "The recipient.id of the event (usually the Page). Named apart from"
            + " CamelMessengerRecipientId so that a route which sends a reply never"
            + " sends it to the Page by accident.", javaType = "String")
    public static final String EVENT_RECIPIENT_ID = "CamelMessengerEventRecipientId";

    @Metadata(label = "consumer", description = "The event's timestamp, in milliseconds since the epoch.", javaType = "Long")
    public static final String TIMESTAMP = "CamelMessengerTimestamp";

    @Metadata(label = "consumer", description = "The kind of event: message, message_echo, message_deleted, delivery,"
            + " read, reaction, postback, referral, optin, pass_thread_control, take_thread_control,"
            + " request_thread_control, app_roles, policy_enforcement or unknown.", javaType = "String")
    public static final String EVENT_TYPE = "CamelMessengerEventType";

    @Metadata(label = "consumer", description = "The mid of the message the event is about (message, echo, reaction,"
            + " postback, read), the key to deduplicate Meta's redeliveries.", javaType = "String")
    public static final String MID = "CamelMessengerMid";

    @Metadata(label = "consumer", description = "True when the event came in standby[]: another app controls the"
            + " thread.", javaType = "Boolean")
    public static final String STANDBY = "CamelMessengerStandby";

    @Metadata(label = "producer", description = "The app to pass the conversation to (passThreadControl); overrides the"
            + " targetAppId option. The Page Inbox is 263902037430900 (PAGE_INBOX_APP_ID).", javaType = "String")
    public static final String TARGET_APP_ID = "CamelMessengerTargetAppId";

    @Metadata(label = "producer", description = "Output of threadOwner: the app id of the app that controls the"
            + " conversation.", javaType = "String")
    public static final String THREAD_OWNER_APP_ID = "CamelMessengerThreadOwnerAppId";

    @Metadata(label = "producer", description = "What the personas operation does: create, get, list or delete;"
            + " overrides the action option.", javaType = "String")
    public static final String ACTION = "CamelMessengerAction";

    @Metadata(label = "producer", description = "When the person last wrote (epoch milliseconds, an Instant or a"
            + " Date; a webhook event's CamelMessengerTimestamp is one). With it a HUMAN_AGENT message more than 7"
            + " days later is refused before sending, and a humanAgent endpoint picks RESPONSE or the HUMAN_AGENT"
            + " tag.", javaType = "Long")
    public static final String LAST_USER_MESSAGE_TIME = "CamelMessengerLastUserMessageTime";

    /** The app id of the Page Inbox, where a Page's people answer: the usual target of passThreadControl. */
    public static final String PAGE_INBOX_APP_ID = "263902037430900";

    private MessengerConstants() {
    }
}
