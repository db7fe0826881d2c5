package io.github.camelmessenger.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Webhook batches as Meta posts them, for tests and examples that play Meta's side: a person's text message, a
 * postback, a standby event. Each is a whole batch ({@code object}, {@code entry[]}), ready to sign and post.
 */
public final class Fixtures {

    /** The time Meta would put in the events, fixed so that fixtures compare equal. */
    public static final long TIME = 1_732_500_000_000L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /**
     * JSON written with single quotes for readability, as a tree to compare structurally with
     * {@link RecordedRequest#json()}: {@code json("{'message':{'text':'hi'}}")}.
     */
    public static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + singleQuoted, e);
        }
    }

    /** A Messenger batch with one text message from {@code psid} to {@code pageId}. */
    public static String textMessageEvent(String pageId, String psid, String mid, String text) {
        ObjectNode message = MAPPER.createObjectNode().put("mid", mid).put("text", text);
        return batch("page", pageId, event(pageId, psid).set("message", message), false);
    }

    /** A Messenger batch with one postback (a button tapped) from {@code psid}. */
    public static String postbackEvent(String pageId, String psid, String mid, String title, String payload) {
        ObjectNode postback = MAPPER.createObjectNode().put("mid", mid).put("title", title).put("payload", payload);
        return batch("page", pageId, event(pageId, psid).set("postback", postback), false);
    }

    /** The same text message delivered in {@code standby[]}: another app controls the thread. */
    public static String standbyTextMessageEvent(String pageId, String psid, String mid, String text) {
        ObjectNode message = MAPPER.createObjectNode().put("mid", mid).put("text", text);
        return batch("page", pageId, event(pageId, psid).set("message", message), true);
    }

    /** A batch with one event of any kind: {@code kind} is its key ({@code pass_thread_control}, {@code optin}...). */
    public static String event(String pageId, String psid, String kind, ObjectNode body) {
        return batch("page", pageId, event(pageId, psid).set(kind, body), false);
    }

    private static ObjectNode event(String pageId, String psid) {
        ObjectNode event = MAPPER.createObjectNode();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", TIME);
        return event;
    }

    private static String batch(String object, String pageId, ObjectNode event, boolean standby) {
        ObjectNode root = MAPPER.createObjectNode().put("object", object);
        ArrayNode entries = root.putArray("entry");
        ObjectNode entry = entries.addObject().put("id", pageId).put("time", TIME);
        entry.putArray(standby ? "standby" : "messaging").add(event);
        return root.toString();
    }
}
