package io.github.camelmessenger.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The conversations of the simulated Pages, as Conversation Routing (formerly the Handover Protocol) keeps them: which
 * app controls each thread (Page, PSID), the roles of the apps (the simulator's own app is the primary receiver; every
 * other app with a token for the Page, and the Page Inbox, are secondary receivers), the time of each person's last
 * message, the Page's personas and the people's profiles. It answers the thread-control, persona and user-profile
 * calls, refuses what the Graph API refuses with the codes its reference documents for these edges (100 invalid
 * parameter, 200 permissions error, 10 / 2018278 outside the window), and posts the {@code messaging_handovers} events
 * to the apps' webhooks. Sources: developers.facebook.com/docs/messenger-platform/conversation-routing, the
 * handover-protocol guides and the Graph API reference of {@code pass_thread_control}, {@code take_thread_control},
 * {@code request_thread_control}, {@code release_thread_control}, {@code thread_owner}, {@code personas}, and the User
 * Profile API.
 */
final class SimulatedConversations {

    /** The app id of the Page Inbox, a secondary receiver of every Page. */
    static final String PAGE_INBOX_APP_ID = "263902037430900";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    private static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);
    private static final int PERSONAS_PER_PAGE = 25;
    private static final Set<String> PROFILE_FIELDS = Set.of("id", "name", "first_name", "last_name", "profile_pic",
            "locale", "timezone");

    private record Persona(String id, String pageId, String name, String profilePictureUrl) {
    }

    private final SimulatedPages pages;
    private final MetaWebhooks webhooks;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, String> primaryByPage = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUserMessages = new ConcurrentHashMap<>();
    private final Map<String, Persona> personas = new ConcurrentHashMap<>();
    private final Set<String> deletedPersonas = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> profiles = new ConcurrentHashMap<>();
    private final Set<String> withoutProfile = ConcurrentHashMap.newKeySet();
    private volatile boolean profileAccess = true;
    private volatile Clock clock = Clock.systemUTC();

    SimulatedConversations(SimulatedPages pages, MetaWebhooks webhooks) {
        this.pages = pages;
        this.webhooks = webhooks;
    }

    void reset() {
        primaryByPage.clear();
        owners.clear();
        lastUserMessages.clear();
        personas.clear();
        deletedPersonas.clear();
        profiles.clear();
        withoutProfile.clear();
        profileAccess = true;
    }

    // --- roles and ownership

    String primaryOf(String pageId) {
        return primaryByPage.getOrDefault(pageId, MessengerSimulator.APP_ID);
    }

    /** The app that answers the thread: its owner, or the primary receiver while the thread is idle. */
    String ownerOf(String pageId, String psid) {
        return owners.getOrDefault(key(pageId, psid), primaryOf(pageId));
    }

    private boolean isReceiver(String pageId, String appId) {
        return PAGE_INBOX_APP_ID.equals(appId) || MessengerSimulator.APP_ID.equals(appId)
                || pages.otherAppsOf(pageId).contains(appId);
    }

    /** Makes {@code appId} the primary receiver of {@code pageId} and tells every subscribed app (app_roles). */
    void assignPrimaryReceiver(String pageId, String appId) {
        primaryByPage.put(pageId, appId);
        ObjectNode roles = MAPPER.createObjectNode();
        for (String app : appsOf(pageId)) {
            roles.putArray(app).add(app.equals(appId) ? "primary_receiver" : "secondary_receiver");
        }
        ObjectNode event = MAPPER.createObjectNode();
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", clock.millis());
        event.set("app_roles", roles);
        for (String app : appsOf(pageId)) {
            webhooks.deliver(app, "app_roles", false, batch(pageId, event, false));
        }
    }

    private List<String> appsOf(String pageId) {
        List<String> apps = new ArrayList<>();
        apps.add(MessengerSimulator.APP_ID);
        apps.addAll(pages.otherAppsOf(pageId));
        return apps;
    }

    // --- the person's side

    /**
     * A person writes to the Page: the app that controls the thread gets the message, every other subscribed app of
     * the Page gets it in standby. Returns the mid.
     */
    String userSends(String pageId, String psid, String text, Instant at) {
        lastUserMessages.merge(key(pageId, psid), at, (old, now) -> now.isAfter(old) ? now : old);
        profiles.computeIfAbsent(psid, SimulatedConversations::defaultProfile);
        String mid = "m_user" + ids.incrementAndGet();
        ObjectNode event = event(pageId, psid, at);
        event.putObject("message").put("mid", mid).put("text", text);
        String owner = ownerOf(pageId, psid);
        List<CompletableFuture<Void>> posted = new ArrayList<>();
        for (String app : appsOf(pageId)) {
            boolean standby = !app.equals(owner);
            posted.add(webhooks.deliver(app, "message", standby, batch(pageId, event, standby)));
        }
        CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new)).join();
        return mid;
    }

    void profile(String psid, Map<String, Object> fields) {
        withoutProfile.remove(psid);
        Map<String, Object> profile = new LinkedHashMap<>(fields);
        profile.put("id", psid);
        profiles.put(psid, profile);
    }

    void noProfile(String psid) {
        withoutProfile.add(psid);
        profiles.remove(psid);
    }

    void profileAccess(boolean granted) {
        this.profileAccess = granted;
    }

    void clock(Clock newClock) {
        this.clock = newClock;
    }

    Instant now() {
        return clock.instant();
    }

    private static Map<String, Object> defaultProfile(String psid) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", psid);
        profile.put("first_name", "Sam");
        profile.put("last_name", "Rivera " + psid.substring(Math.max(0, psid.length() - 4)));
        profile.put("name", profile.get("first_name") + " " + profile.get("last_name"));
        profile.put("profile_pic", "https://profile.simulator.invalid/" + psid + ".jpg");
        profile.put("locale", "en_US");
        profile.put("timezone", 1);
        return profile;
    }

    // --- the Graph calls

    /** {@code POST /{page}/pass_thread_control}: the controlling app hands the thread to a receiver of the Page. */
    SimulatedGraph.Answer passThreadControl(SimulatedGraph.Call call) {
        String psid = recipient(call.json());
        String target = call.json().path("target_app_id").asText(null);
        if (psid == null || target == null || target.isEmpty()) {
            return invalid("(#100) param recipient[id] and param target_app_id are required.");
        }
        if (!call.appId().equals(ownerOf(call.pageId(), psid))) {
            return permission("(#200) Your app does not control this thread: only the app that controls it can pass it.");
        }
        if (!isReceiver(call.pageId(), target)) {
            return invalid("(#100) Param target_app_id must be an app connected to this Page as a receiver"
                    + " (a secondary receiver, the primary receiver or the Page Inbox).");
        }
        owners.put(key(call.pageId(), psid), target);
        ObjectNode control = MAPPER.createObjectNode().put("new_owner_app_id", target).put("previous_owner_app_id",
                call.appId());
        metadata(call.json(), control);
        handover(call.pageId(), psid, target, "pass_thread_control", control);
        return success();
    }

    /** {@code POST /{page}/take_thread_control}: the primary receiver takes any thread; any app takes an idle one. */
    SimulatedGraph.Answer takeThreadControl(SimulatedGraph.Call call) {
        String psid = recipient(call.json());
        if (psid == null) {
            return invalid("(#100) param recipient[id] is required.");
        }
        String previous = owners.get(key(call.pageId(), psid));
        boolean primary = call.appId().equals(primaryOf(call.pageId()));
        if (!primary && previous != null && !previous.equals(call.appId())) {
            return permission("(#200) Only the primary receiver can take control of a thread that another app controls:"
                    + " ask for it with request_thread_control.");
        }
        owners.put(key(call.pageId(), psid), call.appId());
        if (previous != null && !previous.equals(call.appId())) {
            ObjectNode control = MAPPER.createObjectNode().put("previous_owner_app_id", previous).put("new_owner_app_id",
                    call.appId());
            metadata(call.json(), control);
            handover(call.pageId(), psid, previous, "take_thread_control", control);
        }
        return success();
    }

    /** {@code POST /{page}/request_thread_control}: asks the primary receiver for the thread. */
    SimulatedGraph.Answer requestThreadControl(SimulatedGraph.Call call) {
        String psid = recipient(call.json());
        if (psid == null) {
            return invalid("(#100) param recipient[id] is required.");
        }
        String primary = primaryOf(call.pageId());
        if (call.appId().equals(primary)) {
            return invalid("(#100) The primary receiver takes control with take_thread_control; it cannot request it.");
        }
        ObjectNode control = MAPPER.createObjectNode().put("requested_owner_app_id", call.appId());
        metadata(call.json(), control);
        handover(call.pageId(), psid, primary, "request_thread_control", control);
        return success();
    }

    /** {@code POST /{page}/release_thread_control}: the controlling app lets the thread go back to idle. */
    SimulatedGraph.Answer releaseThreadControl(SimulatedGraph.Call call) {
        String psid = recipient(call.json());
        if (psid == null) {
            return invalid("(#100) param recipient[id] is required.");
        }
        String owner = owners.get(key(call.pageId(), psid));
        if (owner == null || !owner.equals(call.appId())) {
            return permission("(#200) Your app does not control this thread: there is nothing to release.");
        }
        owners.remove(key(call.pageId(), psid));
        return success();
    }

    /** {@code GET /{page}/thread_owner?recipient=}: for the primary receiver only, as documented. */
    SimulatedGraph.Answer threadOwner(SimulatedGraph.Call call) {
        String psid = SimulatedPages.queryParameter(call.request().query(), "recipient");
        if (psid == null || psid.isEmpty()) {
            return invalid("(#100) param recipient is required.");
        }
        if (!call.appId().equals(primaryOf(call.pageId()))) {
            return permission("(#200) Only the primary receiver of the Page can read the thread owner.");
        }
        ObjectNode answer = MAPPER.createObjectNode();
        answer.putArray("data").addObject().putObject("thread_owner").put("app_id", ownerOf(call.pageId(), psid));
        return SimulatedGraph.ok(answer, false);
    }

    /** {@code POST /{page}/personas}. */
    SimulatedGraph.Answer createPersona(SimulatedGraph.Call call) {
        String name = call.json().path("name").asText("");
        String picture = call.json().path("profile_picture_url").asText("");
        if (name.isBlank() || picture.isBlank()) {
            return invalid("(#100) params name and profile_picture_url are required.");
        }
        String id = String.valueOf(7_000_000_000_000_000L + ids.incrementAndGet());
        personas.put(id, new Persona(id, call.pageId(), name, picture));
        return SimulatedGraph.ok(MAPPER.createObjectNode().put("id", id), true);
    }

    /** {@code GET /{page}/personas}: 25 a page, with cursors. */
    SimulatedGraph.Answer listPersonas(SimulatedGraph.Call call) {
        List<Persona> all = personas.values().stream().filter(p -> p.pageId().equals(call.pageId()))
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        String after = SimulatedPages.queryParameter(call.request().query(), "after");
        int from = after == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8));
        int to = Math.min(all.size(), from + PERSONAS_PER_PAGE);
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        all.subList(from, to).forEach(persona -> data.add(json(persona)));
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", cursor(from)).put("after", cursor(to));
        if (to < all.size()) {
            paging.put("next", "https://graph.facebook.com" + call.request().path() + "?after=" + cursor(to));
        }
        return SimulatedGraph.ok(answer, false);
    }

    /** {@code GET /{id}}: a persona of the caller's Page, or a person's profile; null when it is neither. */
    SimulatedGraph.Answer node(SimulatedGraph.Call call, String id) {
        Persona persona = personas.get(id);
        if (persona != null && persona.pageId().equals(call.pageId())) {
            return SimulatedGraph.ok(json(persona), false);
        }
        if (withoutProfile.contains(id)) {
            return SimulatedGraph.error(400, 100, 2018218, "OAuthException", "No profile available for this user.");
        }
        Map<String, Object> profile = profiles.get(id);
        if (profile == null) {
            return null;
        }
        if (!profileAccess) {
            return permission("(#200) To read a person's profile the app needs Advanced Access to the Business Asset"
                    + " User Profile Access feature.");
        }
        String fields = SimulatedPages.queryParameter(call.request().query(), "fields");
        ObjectNode answer = MAPPER.createObjectNode();
        for (String field : (fields == null || fields.isBlank() ? "id,name" : fields).split(",")) {
            String name = field.trim();
            if (!PROFILE_FIELDS.contains(name)) {
                return invalid("(#100) Tried accessing nonexisting field (" + name + ") on node type (User)");
            }
            Object value = profile.get(name);
            if (value != null) {
                answer.set(name, MAPPER.valueToTree(value));
            }
        }
        answer.put("id", id);
        return SimulatedGraph.ok(answer, false);
    }

    /** {@code DELETE /{persona}}. */
    SimulatedGraph.Answer deletePersona(SimulatedGraph.Call call, String id) {
        Persona persona = personas.get(id);
        if (persona == null || !persona.pageId().equals(call.pageId())) {
            return null;
        }
        personas.remove(id);
        deletedPersonas.add(id);
        return success();
    }

    /**
     * The rules of a send that depend on the conversation, as the Send API applies them: no persona deleted or of another Page,
     * the messaging window of the person's last message (24 hours; 7 days with the HUMAN_AGENT tag), when the
     * simulator saw that message. Null when the send may go.
     */
    SimulatedGraph.Answer refusedSend(String pageId, JsonNode request) {
        String personaId = request.path("persona_id").asText(null);
        Persona persona = personaId == null ? null : personas.get(personaId);
        // a persona the simulator never saw may have been made elsewhere: only a deleted one, or another Page's, is refused
        if (personaId != null && (deletedPersonas.contains(personaId) || persona != null && !persona.pageId().equals(pageId))) {
            return invalid("(#100) Param persona_id must be a persona of this Page (" + personaId + " is not, or was"
                    + " deleted).");
        }
        String psid = request.path("recipient").path("id").asText(null);
        Instant last = psid == null || !request.has("message") ? null : lastUserMessages.get(key(pageId, psid));
        if (last != null) {
            Duration since = Duration.between(last, clock.instant());
            boolean humanAgent = "MESSAGE_TAG".equals(request.path("messaging_type").asText())
                    && "HUMAN_AGENT".equals(request.path("tag").asText());
            boolean tagged = "MESSAGE_TAG".equals(request.path("messaging_type").asText());
            if (humanAgent ? since.compareTo(HUMAN_AGENT_WINDOW) > 0 : !tagged && since.compareTo(STANDARD_WINDOW) > 0) {
                return SimulatedGraph.error(400, 10, 2018278, "OAuthException",
                        "(#10) This message is sent outside of allowed window.");
            }
        }
        return null;
    }

    private void handover(String pageId, String psid, String toApp, String kind, ObjectNode control) {
        ObjectNode event = event(pageId, psid, clock.instant());
        event.set(kind, control);
        webhooks.deliver(toApp, kind, false, batch(pageId, event, false));
    }

    private static ObjectNode event(String pageId, String psid, Instant at) {
        ObjectNode event = MAPPER.createObjectNode();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", at.toEpochMilli());
        return event;
    }

    private String batch(String pageId, ObjectNode event, boolean standby) {
        ObjectNode root = MAPPER.createObjectNode().put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject().put("id", pageId).put("time", clock.millis());
        entry.putArray(standby ? "standby" : "messaging").add(event);
        return root.toString();
    }

    private static void metadata(JsonNode request, ObjectNode control) {
        if (request.hasNonNull("metadata")) {
            control.put("metadata", request.get("metadata").asText());
        }
    }

    private static ObjectNode json(Persona persona) {
        return MAPPER.createObjectNode().put("id", persona.id()).put("name", persona.name()).put("profile_picture_url",
                persona.profilePictureUrl());
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(String.valueOf(index).getBytes(StandardCharsets.UTF_8));
    }

    private static String recipient(JsonNode request) {
        String id = request.path("recipient").path("id").asText("");
        return id.isEmpty() ? null : id;
    }

    private static String key(String pageId, String psid) {
        return pageId + "/" + psid;
    }

    private static SimulatedGraph.Answer success() {
        return SimulatedGraph.ok(MAPPER.createObjectNode().put("success", true), true);
    }

    private static SimulatedGraph.Answer invalid(String message) {
        return SimulatedGraph.error(400, 100, null, "OAuthException", message);
    }

    private static SimulatedGraph.Answer permission(String message) {
        return SimulatedGraph.error(403, 200, null, "OAuthException", message);
    }
}
