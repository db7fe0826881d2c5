package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One messaging event of a webhook batch ({@code entry[].messaging[]} or {@code entry[].standby[]}), the body of one
 * exchange. Every kind carries its {@link Context}; {@link #type()} is the value of the CamelMessengerEventType header.
 * Fields Meta adds later are ignored; the raw JSON of the event stays reachable through {@code context().raw()}.
 */
public sealed interface WebhookEvent
        permits WebhookEvent.MessageEvent, WebhookEvent.MessageDeletedEvent, WebhookEvent.DeliveryEvent, WebhookEvent.ReadEvent,
        WebhookEvent.ReactionEvent,
        WebhookEvent.PostbackEvent, WebhookEvent.ReferralEvent, WebhookEvent.OptinEvent, WebhookEvent.PassThreadControlEvent,
        WebhookEvent.TakeThreadControlEvent, WebhookEvent.RequestThreadControlEvent, WebhookEvent.AppRolesEvent,
        WebhookEvent.PolicyEnforcementEvent, WebhookEvent.UnknownEvent {

    Context context();

    String type();

    /**
     * What every event has.
     *
     * @param object  {@code page} (Messenger) or {@code instagram}
     * @param pageId  {@code entry[].id}: the Page or Instagram account the event is for
     * @param standby true when the event came in {@code standby[]} (another app has the thread)
     * @param raw     the event's JSON as Meta sent it
     */
    record Context(String object, String pageId, String senderId, String recipientId, Long timestamp, boolean standby,
            JsonNode raw) {
    }

    /**
     * One attachment of an incoming message: {@code url} for media, {@code payload} for anything else. A sticker has the
     * type {@code sticker} and its {@code stickerId} (until 30 Aug 2026 Meta sends it as an {@code image} with a
     * {@code sticker_id} too; {@link #isSticker()} is true for both).
     */
    record Attachment(String type, String url, String title, Long stickerId, JsonNode payload) {

        public static final String STICKER = "sticker";

        public boolean isSticker() {
            return STICKER.equals(type) || stickerId != null;
        }
    }

    /** A message from the person ({@code message}), or the Page's own message echoed ({@code message_echo}). */
    record MessageEvent(Context context, String mid, String text, String quickReplyPayload, String replyToMid,
            List<Attachment> attachments, boolean isEcho, String appId, String metadata) implements WebhookEvent {

        @Override
        public String type() {
            return isEcho ? "message_echo" : "message";
        }
    }

    /**
     * Instagram's "message unsent": the person deleted message {@code mid} ({@code message.is_deleted}). Never routed as
     * a {@code message}, so a bot does not answer a deletion.
     */
    record MessageDeletedEvent(Context context, String mid) implements WebhookEvent {

        @Override
        public String type() {
            return "message_deleted";
        }
    }

    record DeliveryEvent(Context context, List<String> mids, Long watermark) implements WebhookEvent {

        @Override
        public String type() {
            return "delivery";
        }
    }

    record ReadEvent(Context context, Long watermark, String mid) implements WebhookEvent {

        @Override
        public String type() {
            return "read";
        }
    }

    /** @param action {@code react} or {@code unreact} */
    record ReactionEvent(Context context, String mid, String action, String reaction, String emoji) implements WebhookEvent {

        @Override
        public String type() {
            return "reaction";
        }
    }

    record PostbackEvent(Context context, String mid, String title, String payload, JsonNode referral) implements WebhookEvent {

        @Override
        public String type() {
            return "postback";
        }
    }

    record ReferralEvent(Context context, String ref, String source, String referralType, String adId) implements WebhookEvent {

        @Override
        public String type() {
            return "referral";
        }
    }

    record OptinEvent(Context context, String optinType, String payload, String ref, String userRef) implements WebhookEvent {

        @Override
        public String type() {
            return "optin";
        }
    }

    /**
     * Conversation Routing: control of the conversation with the person was passed to this app
     * ({@code messaging_handovers}, {@code pass_thread_control}); it may answer now.
     *
     * @param previousOwnerAppId the app that passed it, or null when the thread was idle
     * @param metadata           what that app sent along, or null
     */
    record PassThreadControlEvent(Context context, String newOwnerAppId, String previousOwnerAppId, String metadata)
            implements
                WebhookEvent {

        @Override
        public String type() {
            return "pass_thread_control";
        }
    }

    /**
     * Conversation Routing: the primary receiver took control of the conversation from this app
     * ({@code take_thread_control}); this app must stop answering.
     */
    record TakeThreadControlEvent(Context context, String previousOwnerAppId, String newOwnerAppId, String metadata)
            implements
                WebhookEvent {

        @Override
        public String type() {
            return "take_thread_control";
        }
    }

    /**
     * Conversation Routing: another app asks this app, the primary receiver, for control of the conversation
     * ({@code request_thread_control}); pass it with passThreadControl, or ignore the request.
     */
    record RequestThreadControlEvent(Context context, String requestedOwnerAppId, String metadata) implements WebhookEvent {

        @Override
        public String type() {
            return "request_thread_control";
        }
    }

    /**
     * Conversation Routing: the roles of the Page's apps changed ({@code app_roles}).
     *
     * @param roles each app id with its roles ({@code primary_receiver}, {@code secondary_receiver})
     */
    record AppRolesEvent(Context context, Map<String, List<String>> roles) implements WebhookEvent {

        @Override
        public String type() {
            return "app_roles";
        }
    }

    record PolicyEnforcementEvent(Context context, String action, String reason) implements WebhookEvent {

        @Override
        public String type() {
            return "policy_enforcement";
        }
    }

    /** Anything this version does not model (or could not read): route it on {@code context().raw()}. */
    record UnknownEvent(Context context) implements WebhookEvent {

        @Override
        public String type() {
            return "unknown";
        }
    }
}
