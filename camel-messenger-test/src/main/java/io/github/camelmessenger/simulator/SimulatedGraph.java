package io.github.camelmessenger.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
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

    /** A handler gets the request and the path's groups (version, node, ...). */
    private record Route(String method, Pattern path, BiFunction<RecordedRequest, Matcher, Answer> handler) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> USAGE = Map.of(
            "X-App-Usage", "{\"call_count\":1,\"total_time\":1,\"total_cputime\":1}",
            "X-Page-Usage", "{\"call_count\":2,\"total_time\":1,\"total_cputime\":1}",
            "X-Business-Use-Case-Usage", "{\"106540352242922\":[{\"type\":\"messenger\",\"call_count\":3,"
                                         + "\"estimated_time_to_regain_access\":0}]}");

    private final SimulatedPages pages;
    private final AtomicLong ids = new AtomicLong();
    private final List<Route> routes;

    SimulatedGraph(SimulatedPages pages) {
        this.pages = pages;
        this.routes = List.of(
                new Route("GET", Pattern.compile("^/(v\\d+\\.\\d+)/me/?$"), (request, path) -> me(request)),
                new Route("POST", Pattern.compile("^/(v\\d+\\.\\d+)/([^/]+)/messages/?$"), this::messages),
                new Route("POST", Pattern.compile("^/(v\\d+\\.\\d+)/([^/]+)/message_attachments/?$"), this::attachments));
    }

    Answer answer(RecordedRequest request) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (matcher.matches()) {
                if (!route.method().equals(request.method())) {
                    return error(400, 100, null, "GraphMethodException", "Unsupported " + request.method() + " request.");
                }
                return route.handler().apply(request, matcher);
            }
        }
        return error(400, 100, null, "GraphMethodException", "Unknown path components: " + request.path());
    }

    private Answer me(RecordedRequest request) {
        SimulatedPages.Authenticated caller = pages.authenticate(request, "me");
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        return ok(MAPPER.createObjectNode().put("id", caller.pageId()).put("name", "Simulated Page " + caller.pageId()), false);
    }

    private Answer messages(RecordedRequest request, Matcher path) {
        SimulatedPages.Authenticated caller = pages.authenticate(request, path.group(2));
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        JsonNode json = jsonOf(request);
        if (json == null) {
            return error(400, 100, null, "OAuthException", "(#100) The request body is not valid JSON.");
        }
        String rule = SimulatedRules.firstBrokenRule(json);
        if (rule != null) {
            return error(400, 100, null, "OAuthException", "(#100) " + rule);
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

    private Answer attachments(RecordedRequest request, Matcher path) {
        SimulatedPages.Authenticated caller = pages.authenticate(request, path.group(2));
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        JsonNode json = jsonOf(request);
        if (json == null) {
            return error(400, 100, null, "OAuthException", "(#100) The request body is not valid JSON.");
        }
        JsonNode attachment = json.path("message").path("attachment");
        boolean hasFile = request.isMultipart() && request.part("filedata") != null;
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

    private static Answer ok(JsonNode body, boolean delivered) {
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
