package io.github.camelmessenger.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the simulated Graph API answers, call by call: a table of routes (method and path) to handlers, each
 * authenticated like the real one, with real Graph shapes (unique ids, error bodies with code, subcode and fbtrace_id).
 */
final class SimulatedGraph {

    /** One answer: status, body and headers; {@code delivered} when the call took effect (a message was accepted). */
    record Answer(int status, byte[] body, Map<String, String> headers, boolean delivered) {
    }

    /**
     * An authenticated call: the request, the Page and the app it acts for, the groups of its path, and its JSON body (null
     * for a route without one).
     */
    record Call(RecordedRequest request, String pageId, String appId, Matcher path, JsonNode json) {
    }

    /**
     * A route: method and path; {@code pageGroup} is the group of the path that names the Page (0: none, the token's own
     * Page acts); {@code jsonBody} when the call must carry a JSON body.
     */
    private record Route(String method, Pattern path, int pageGroup, boolean jsonBody, Function<Call, Answer> handler) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> USAGE = Map.of(
            "X-App-Usage", "{\"call_count\":1,\"total_time\":1,\"total_cputime\":1}",
            "X-Page-Usage", "{\"call_count\":2,\"total_time\":1,\"total_cputime\":1}",
            "X-Business-Use-Case-Usage", "{\"106540352242922\":[{\"type\":\"messenger\",\"call_count\":3,"
                    + "\"estimated_time_to_regain_access\":0}]}");

    private final SimulatedPages pages;
    private final SimulatedConversations conversations;
    private final AtomicLong ids = new AtomicLong();
    private final List<Route> routes;

    SimulatedGraph(SimulatedPages pages, SimulatedConversations conversations) {
        this.pages = pages;
        this.conversations = conversations;
        this.routes = List.of(
                new Route("GET", path("me"), 0, false, this::me),
                new Route("GET", path("(\\d+)"), 0, false, this::node),
                new Route("DELETE", path("(\\d+)"), 0, false, this::deleteNode),
                new Route("POST", pageEdge("messages"), 2, true, this::messages),
                new Route("POST", pageEdge("message_attachments"), 2, true, this::attachments),
                new Route("POST", pageEdge("pass_thread_control"), 2, true, conversations::passThreadControl),
                new Route("POST", pageEdge("take_thread_control"), 2, true, conversations::takeThreadControl),
                new Route("POST", pageEdge("request_thread_control"), 2, true, conversations::requestThreadControl),
                new Route("POST", pageEdge("release_thread_control"), 2, true, conversations::releaseThreadControl),
                new Route("GET", pageEdge("thread_owner"), 2, false, conversations::threadOwner),
                new Route("POST", pageEdge("personas"), 2, true, conversations::createPersona),
                new Route("GET", pageEdge("personas"), 2, false, conversations::listPersonas));
    }

    /** {@code /{version}/{node}}. */
    private static Pattern path(String node) {
        return Pattern.compile("^/(v\\d+\\.\\d+)/" + node + "/?$");
    }

    /** {@code /{version}/{page}/{edge}}: group 2 names the Page. */
    private static Pattern pageEdge(String edge) {
        return Pattern.compile("^/(v\\d+\\.\\d+)/([^/]+)/" + edge + "/?$");
    }

    Answer answer(RecordedRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.method())) {
                continue;
            }
            SimulatedPages.Authenticated caller = pages.authenticate(request,
                    route.pageGroup() == 0 ? null : matcher.group(route.pageGroup()));
            if (caller.refusal() != null) {
                return caller.refusal();
            }
            JsonNode json = route.jsonBody() ? jsonOf(request) : null;
            if (route.jsonBody() && json == null) {
                return error(400, 100, null, "OAuthException", "(#100) The request body is not valid JSON.");
            }
            return route.handler().apply(new Call(request, caller.pageId(), caller.appId(), matcher, json));
        }
        return pathKnown
                ? error(400, 100, null, "GraphMethodException", "Unsupported " + request.method() + " request.")
                : error(400, 100, null, "GraphMethodException", "Unknown path components: " + request.path());
    }

    private Answer me(Call call) {
        return ok(MAPPER.createObjectNode().put("id", call.pageId()).put("name", "Simulated Page " + call.pageId()), false);
    }

    /** {@code GET /{id}}: the caller's own Page, one of its personas, or a person's profile. */
    private Answer node(Call call) {
        String id = call.path().group(2);
        if (id.equals(call.pageId())) {
            return me(call);
        }
        Answer answer = conversations.node(call, id);
        return answer != null ? answer : noSuchObject("get", id);
    }

    /** {@code DELETE /{id}}: one of the Page's personas. */
    private Answer deleteNode(Call call) {
        String id = call.path().group(2);
        Answer answer = conversations.deletePersona(call, id);
        return answer != null ? answer : noSuchObject("delete", id);
    }

    private static Answer noSuchObject(String method, String id) {
        return error(400, 100, 33, "GraphMethodException", "Unsupported " + method + " request. Object with ID '" + id
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
    }

    private Answer messages(Call call) {
        JsonNode json = call.json();
        String rule = SimulatedRules.firstBrokenRule(json);
        if (rule != null) {
            return error(400, 100, null, "OAuthException", "(#100) " + rule);
        }
        Answer refused = conversations.refusedSend(call.pageId(), json);
        if (refused != null) {
            return refused;
        }
        ObjectNode ok = MAPPER.createObjectNode();
        JsonNode recipient = json.path("recipient");
        if (recipient.has("id")) {
            ok.put("recipient_id", recipient.get("id").asText());
        }
        if (json.has("message")) {
            ok.put("message_id", "m_sim" + ids.incrementAndGet());
            if (json.path("message").path("attachment").path("payload").path("is_reusable").asBoolean(false)) {
                ok.put("attachment_id", String.valueOf(1_000_000_000L + ids.get()));
            }
        }
        return new Answer(200, bytes(ok), USAGE, true);
    }

    private Answer attachments(Call call) {
        JsonNode attachment = call.json().path("message").path("attachment");
        boolean hasFile = call.request().isMultipart() && call.request().part("filedata") != null;
        if (!attachment.isObject() || hasFile == attachment.path("payload").has("url")) {
            return error(400, 100, null, "OAuthException", "(#100) Upload attachment failure: send a url or filedata.");
        }
        return ok(MAPPER.createObjectNode().put("attachment_id", String.valueOf(2_000_000_000L + ids.incrementAndGet())), true);
    }

    private static JsonNode jsonOf(RecordedRequest request) {
        try {
            return request.json();
        } catch (IllegalStateException notJson) {
            return null;
        }
    }

    static Answer ok(JsonNode body, boolean delivered) {
        return new Answer(200, bytes(body), Map.of(), delivered);
    }

    /** A Graph error answer, with a fresh fbtrace_id. */
    static Answer error(int status, int code, Integer subcode, String type, String message) {
        return new Answer(status, errorBody(code, subcode, false, type, message), Map.of(), false);
    }

    static byte[] errorBody(int code, Integer subcode, boolean isTransient, String type, String message) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (isTransient) {
            error.put("is_transient", true);
        }
        error.put("fbtrace_id", "AsimTrace" + Long.toHexString(System.nanoTime()));
        ObjectNode root = MAPPER.createObjectNode();
        root.set("error", error);
        return bytes(root);
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
