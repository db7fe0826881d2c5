package io.github.camelmessenger.internal.conversation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.internal.json.Json;
import io.github.camelmessenger.model.Persona;
import io.github.camelmessenger.model.UserProfile;

/**
 * The Graph calls of the conversation operations (thread control, user profiles, personas) and what their answers
 * mean, with the rules checked before a call leaves. Sources: the Graph API reference of the Page's
 * {@code pass_thread_control}, {@code take_thread_control}, {@code request_thread_control},
 * {@code release_thread_control}, {@code thread_owner} and {@code personas} edges, the User Profile API and the
 * Personas API (developers.facebook.com/docs/messenger-platform).
 */
public final class ConversationRequests {

    /** The fields a user profile is read with when none are configured. */
    public static final String DEFAULT_PROFILE_FIELDS = "first_name,last_name,profile_pic";
    /** The metadata a thread-control call carries to the other app: at most 1000 characters. */
    static final int METADATA_MAX = 1000;

    /** A PSID, an app id, a persona id: digits only, so that it is safe as a path segment or a query value. */
    private static final Pattern GRAPH_ID = Pattern.compile("\\d{1,32}");
    /** Graph field names, comma-separated (no nesting, no modifiers): safe as a query value. */
    private static final Pattern FIELDS = Pattern.compile("[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*");

    private ConversationRequests() {
    }

    /** {@code POST /{page}/{edge}} with {@code recipient}, {@code target_app_id} (pass only) and {@code metadata}. */
    public static GraphRequest threadControl(ThreadControl control, String pageId, PageCredentials credentials, String psid,
            String targetAppId, String metadata) {
        ObjectNode body = Json.objectNode();
        body.putObject("recipient").put("id", id(psid, "recipient.id", "the person's PSID: set CamelMessengerRecipientId or"
                + " recipientId"));
        if (control.needsTarget()) {
            body.put("target_app_id", id(targetAppId, "target_app_id", "the app to pass the conversation to: set"
                    + " CamelMessengerTargetAppId or targetAppId (the Page Inbox is 263902037430900)"));
        }
        if (metadata != null) {
            if (metadata.length() > METADATA_MAX) {
                throw new MessengerValidationException("metadata", metadata.length(), METADATA_MAX, "metadata is "
                        + metadata.length() + " characters; the limit is " + METADATA_MAX);
            }
            body.put("metadata", metadata);
        }
        return GraphRequest.post(pageId + "/" + control.edge(), credentials, Json.toBytes(body));
    }

    /** {@code GET /{page}/thread_owner?recipient=}. */
    public static GraphRequest threadOwner(String pageId, PageCredentials credentials, String psid) {
        return GraphRequest.get(pageId + "/thread_owner", "recipient=" + id(psid, "recipient.id",
                "the person's PSID: set CamelMessengerRecipientId or recipientId"), credentials);
    }

    /**
     * What confirms a thread-control call: {@code success: true}, or (Conversation Routing's answer to
     * take_thread_control) the new {@code thread_owner}.
     */
    public static void confirm(GraphResponse response) {
        if (!response.json().path("success").asBoolean(false) && ownerOf(response) == null) {
            throw MessengerApiException.unconfirmed(response.status(), "without success: true", response.usageHeaders());
        }
    }

    /** The app id in a {@code thread_owner} answer ({@code data[0].thread_owner.app_id}), or null. */
    public static String ownerOf(GraphResponse response) {
        JsonNode appId = response.json().path("data").path(0).path("thread_owner").path("app_id");
        return appId.isMissingNode() || appId.isNull() ? null : appId.asText();
    }

    /** {@code GET /{psid}?fields=}. */
    public static GraphRequest userProfile(PageCredentials credentials, String psid, String fields) {
        return GraphRequest.get(id(psid, "recipient.id", "the person's PSID: set CamelMessengerRecipientId or recipientId"),
                "fields=" + fields(fields), credentials);
    }

    /** The fields to read, checked: the configured ones, or {@link #DEFAULT_PROFILE_FIELDS}. */
    public static String fields(String fields) {
        String value = fields == null || fields.isBlank() ? DEFAULT_PROFILE_FIELDS : fields.replace(" ", "");
        if (!FIELDS.matcher(value).matches()) {
            throw new MessengerValidationException("fields", "fields must be Graph field names separated by commas (e.g. "
                    + DEFAULT_PROFILE_FIELDS + "), not '" + fields + "'");
        }
        return value;
    }

    public static UserProfile profile(GraphResponse response) {
        JsonNode json = response.json();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                fields.put(field.getKey(), Json.toJava(field.getValue()));
            }
        }
        return new UserProfile(response.text("id"), response.text("first_name"), response.text("last_name"),
                response.text("profile_pic"), fields);
    }

    /** {@code POST /{page}/personas} with {@code name} and {@code profile_picture_url}. */
    public static GraphRequest createPersona(String pageId, PageCredentials credentials, Persona persona) {
        if (persona.name() == null || persona.name().isBlank()) {
            throw new MessengerValidationException("name", "A persona needs a name: the name people see on its messages");
        }
        String picture = persona.profilePictureUrl();
        if (picture == null || !(picture.startsWith("https://") || picture.startsWith("http://"))) {
            throw new MessengerValidationException("profile_picture_url",
                    "A persona needs a profile_picture_url, an http(s) URL of its picture, not '" + picture + "'");
        }
        ObjectNode body = Json.objectNode().put("name", persona.name()).put("profile_picture_url", picture);
        return GraphRequest.post(pageId + "/personas", credentials, Json.toBytes(body));
    }

    /** {@code GET /{persona}}. */
    public static GraphRequest getPersona(PageCredentials credentials, String personaId) {
        return GraphRequest.get(personaId(personaId), null, credentials);
    }

    /** {@code DELETE /{persona}}. */
    public static GraphRequest deletePersona(PageCredentials credentials, String personaId) {
        return GraphRequest.delete(personaId(personaId), credentials, null);
    }

    /** {@code GET /{page}/personas}, from the page of results after {@code cursor} (null: the first). */
    public static GraphRequest listPersonas(String pageId, PageCredentials credentials, String cursor) {
        return GraphRequest.get(pageId + "/personas",
                cursor == null ? null : "after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), credentials);
    }

    /** The personas of one page of a list answer. */
    public static List<Persona> personas(GraphResponse response) {
        List<Persona> personas = new ArrayList<>();
        for (JsonNode persona : response.json().path("data")) {
            personas.add(persona(persona));
        }
        return personas;
    }

    /** The cursor of the next page of a list answer, or null when it was the last. */
    public static String nextCursor(GraphResponse response) {
        JsonNode paging = response.json().path("paging");
        return paging.hasNonNull("next") ? paging.path("cursors").path("after").asText(null) : null;
    }

    public static Persona persona(GraphResponse response) {
        return persona(response.json());
    }

    private static Persona persona(JsonNode json) {
        return new Persona(text(json, "id"), text(json, "name"), text(json, "profile_picture_url"));
    }

    /** The id a created persona answers with. */
    public static String createdId(GraphResponse response) {
        String id = response.text("id");
        if (id == null || id.isEmpty()) {
            throw MessengerApiException.unconfirmed(response.status(), "without the persona's id", response.usageHeaders());
        }
        return id;
    }

    private static String personaId(String personaId) {
        return id(personaId, "persona_id", "the persona: set CamelMessengerPersonaId or personaId");
    }

    private static String id(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new MessengerValidationException(field, field + " is missing: this call needs " + what);
        }
        if (!GRAPH_ID.matcher(value).matches()) {
            throw new MessengerValidationException(field, field + " must be a Graph id (digits only), not '" + value + "'");
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
