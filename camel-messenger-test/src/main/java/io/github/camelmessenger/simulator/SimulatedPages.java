package io.github.camelmessenger.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Pages the simulator knows and the apps that act for them, each with its access token for the Page, and the app
 * secret whose {@code appsecret_proof} it requires (when set). It authenticates a call the way the Graph API does: a
 * bearer token it knows, the proof of that token, and a path Page the token belongs to ({@code me} is the token's own
 * Page). A token belongs to one Page and one app: the simulator's own app ({@link MessengerSimulator#APP_ID}) unless
 * the builder gave it to another.
 */
final class SimulatedPages {

    /** Who a token speaks for. */
    record Principal(String pageId, String appId) {
    }

    /** What authentication decided: the Page and app the call acts for, or the Graph error that refuses it. */
    record Authenticated(String pageId, String appId, SimulatedGraph.Answer refusal) {
    }

    private final Map<String, Principal> principalByToken = new LinkedHashMap<>();
    private final String appSecret;

    SimulatedPages(Map<String, Principal> principalsByToken, String appSecret) {
        principalByToken.putAll(principalsByToken);
        this.appSecret = appSecret;
    }

    /** The tokens of the simulator's own app, by Page. */
    Map<String, String> tokensByPage() {
        Map<String, String> tokens = new LinkedHashMap<>();
        principalByToken.forEach((token, principal) -> {
            if (MessengerSimulator.APP_ID.equals(principal.appId())) {
                tokens.put(principal.pageId(), token);
            }
        });
        return tokens;
    }

    /** Every Page the simulator knows. */
    Set<String> pageIds() {
        Set<String> pages = new LinkedHashSet<>();
        principalByToken.values().forEach(principal -> pages.add(principal.pageId()));
        return pages;
    }

    /** The apps other than the simulator's own that have a token for {@code pageId}. */
    Set<String> otherAppsOf(String pageId) {
        Set<String> apps = new LinkedHashSet<>();
        principalByToken.values().stream()
                .filter(principal -> principal.pageId().equals(pageId) && !MessengerSimulator.APP_ID.equals(principal.appId()))
                .forEach(principal -> apps.add(principal.appId()));
        return apps;
    }

    /** @param node the Page id (or {@code me}) in the request path */
    Authenticated authenticate(RecordedRequest request, String node) {
        String query = request.query();
        if (query != null && query.contains("access_token=")) {
            return refused(SimulatedGraph.error(400, 100, null, "OAuthException",
                    "The simulator refuses an access token in the URL."));
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return refused(SimulatedGraph.error(400, 2500, null, "OAuthException",
                    "An active access token must be used to query information about the current user."));
        }
        String token = authorization.substring("Bearer ".length());
        Principal principal = principalOf(token);
        if (principal == null) {
            return refused(SimulatedGraph.error(400, 190, 463, "OAuthException",
                    "Error validating access token: The session is invalid."));
        }
        if (appSecret != null) {
            String proof = queryParameter(query, "appsecret_proof");
            if (proof == null) {
                return refused(SimulatedGraph.error(400, 100, null, "GraphMethodException",
                        "API calls from the server require an appsecret_proof argument"));
            }
            if (!constantTimeEquals(proof, proofOf(token))) {
                return refused(SimulatedGraph.error(400, 100, null, "GraphMethodException",
                        "Invalid appsecret_proof provided in the API argument"));
            }
        }
        String page = principal.pageId();
        if (node != null && !"me".equals(node) && !node.equals(page)) {
            // what the Graph API answers when a Page token acts on another Page
            return refused(SimulatedGraph.error(400, 100, 33, "GraphMethodException",
                    "Unsupported post request. Object with ID '"
                            + node
                            + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation."));
        }
        return new Authenticated(page, principal.appId(), null);
    }

    private static Authenticated refused(SimulatedGraph.Answer answer) {
        return new Authenticated(null, null, answer);
    }

    private Principal principalOf(String token) {
        for (Map.Entry<String, Principal> entry : principalByToken.entrySet()) {
            if (constantTimeEquals(entry.getKey(), token)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private String proofOf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
