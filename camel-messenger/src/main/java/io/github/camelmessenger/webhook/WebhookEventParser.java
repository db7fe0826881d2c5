package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.internal.json.Json;
import io.github.camelmessenger.webhook.WebhookEvent.Attachment;
import io.github.camelmessenger.webhook.WebhookEvent.Context;

/**
 * Splits a webhook batch ({@code object}, {@code entry[]}, each with {@code messaging[]} and {@code standby[]}) into
 * typed events. Lenient by design: unknown fields are ignored, and an event that cannot be read becomes an
 * {@link WebhookEvent.UnknownEvent} instead of failing the batch. Source: Meta's webhook events reference
 * (developers.facebook.com/docs/messenger-platform/webhooks).
 */
public final class WebhookEventParser {

    private WebhookEventParser() {
    }

    /**
     * The events of a webhook batch as Meta posted it.
     *
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    public static List<WebhookEvent> parse(byte[] body) {
        JsonNode batch;
        try {
            batch = Json.readTree(body);
        } catch (IOException notJson) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (batch == null || !batch.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        return parse(batch);
    }

    private static List<WebhookEvent> parse(JsonNode batch) {
        String object = text(batch, "object");
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode entry : batch.path("entry")) {
            String pageId = text(entry, "id");
            for (JsonNode event : entry.path("messaging")) {
                events.add(parseEvent(object, pageId, event, false));
            }
            for (JsonNode event : entry.path("standby")) {
                events.add(parseEvent(object, pageId, event, true));
            }
        }
        return events;
    }

    static WebhookEvent parseEvent(String object, String pageId, JsonNode event, boolean standby) {
        Context context = new Context(object, pageId, text(event.path("sender"), "id"), text(event.path("recipient"), "id"),
                event.hasNonNull("timestamp") ? event.get("timestamp").asLong() : null, standby, event);
        try {
            return typed(context, event);
        } catch (RuntimeException odd) {
            // one odd event never fails the batch
            return new WebhookEvent.UnknownEvent(context);
        }
    }

    private static WebhookEvent typed(Context context, JsonNode event) {
        if (isObject(event, "message")) {
            JsonNode message = event.get("message");
            if (message.path("is_deleted").asBoolean(false)) {
                return new WebhookEvent.MessageDeletedEvent(context, text(message, "mid"));
            }
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode attachment : message.path("attachments")) {
                JsonNode payload = attachment.path("payload");
                Long stickerId = payload.has("sticker_id")
                        ? longValue(payload, "sticker_id")
                        : longValue(attachment, "sticker_id");
                attachments.add(new Attachment(text(attachment, "type"), text(payload, "url"), text(attachment, "title"),
                        stickerId, attachment.get("payload")));
            }
            return new WebhookEvent.MessageEvent(context, text(message, "mid"), text(message, "text"),
                    text(message.path("quick_reply"), "payload"), text(message.path("reply_to"), "mid"),
                    List.copyOf(attachments),
                    message.path("is_echo").asBoolean(false), text(message, "app_id"), text(message, "metadata"));
        }
        if (isObject(event, "delivery")) {
            JsonNode delivery = event.get("delivery");
            List<String> mids = new ArrayList<>();
            delivery.path("mids").forEach(mid -> mids.add(mid.asText()));
            return new WebhookEvent.DeliveryEvent(context, List.copyOf(mids), longValue(delivery, "watermark"));
        }
        if (isObject(event, "read")) {
            JsonNode read = event.get("read");
            return new WebhookEvent.ReadEvent(context, longValue(read, "watermark"), text(read, "mid"));
        }
        if (isObject(event, "reaction")) {
            JsonNode reaction = event.get("reaction");
            return new WebhookEvent.ReactionEvent(context, text(reaction, "mid"), text(reaction, "action"),
                    text(reaction, "reaction"), text(reaction, "emoji"));
        }
        if (isObject(event, "postback")) {
            JsonNode postback = event.get("postback");
            return new WebhookEvent.PostbackEvent(context, text(postback, "mid"), text(postback, "title"),
                    text(postback, "payload"), postback.get("referral"));
        }
        if (isObject(event, "referral")) {
            JsonNode referral = event.get("referral");
            return new WebhookEvent.ReferralEvent(context, text(referral, "ref"), text(referral, "source"),
                    text(referral, "type"), text(referral, "ad_id"));
        }
        if (isObject(event, "optin")) {
            JsonNode optin = event.get("optin");
            return new WebhookEvent.OptinEvent(context, text(optin, "type"), text(optin, "payload"), text(optin, "ref"),
                    text(optin, "user_ref"));
        }
        if (isObject(event, "pass_thread_control")) {
            JsonNode control = event.get("pass_thread_control");
            return new WebhookEvent.PassThreadControlEvent(context, text(control, "new_owner_app_id"),
                    text(control, "previous_owner_app_id"), text(control, "metadata"));
        }
        if (isObject(event, "take_thread_control")) {
            JsonNode control = event.get("take_thread_control");
            return new WebhookEvent.TakeThreadControlEvent(context, text(control, "previous_owner_app_id"),
                    text(control, "new_owner_app_id"), text(control, "metadata"));
        }
        if (isObject(event, "request_thread_control")) {
            JsonNode control = event.get("request_thread_control");
            return new WebhookEvent.RequestThreadControlEvent(context, text(control, "requested_owner_app_id"),
                    text(control, "metadata"));
        }
        if (isObject(event, "app_roles")) {
            Map<String, List<String>> roles = new LinkedHashMap<>();
            event.get("app_roles").fields().forEachRemaining(app -> {
                List<String> appRoles = new ArrayList<>();
                app.getValue().forEach(role -> appRoles.add(role.asText()));
                roles.put(app.getKey(), List.copyOf(appRoles));
            });
            return new WebhookEvent.AppRolesEvent(context, Map.copyOf(roles));
        }
        if (isObject(event, "policy_enforcement")) {
            JsonNode policy = event.get("policy_enforcement");
            return new WebhookEvent.PolicyEnforcementEvent(context, text(policy, "action"), text(policy, "reason"));
        }
        return new WebhookEvent.UnknownEvent(context);
    }

    /** A kind is recognised only when its key holds an object: anything else is an odd event. */
    private static boolean isObject(JsonNode event, String field) {
        return event.path(field).isObject();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A number, or a string of digits (Meta sends ids both ways); anything else is no value. */
    private static Long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && value.textValue().matches("\\d{1,18}")) {
            return Long.valueOf(value.textValue());
        }
        return value == null || !value.isIntegralNumber() || !value.canConvertToLong() ? null : value.asLong();
    }
}
