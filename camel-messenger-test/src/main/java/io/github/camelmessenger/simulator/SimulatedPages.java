package io.github.camelmessenger.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Pages the simulator knows, each with its access token, and the app secret whose {@code appsecret_proof} it
 * requires (when set). It authenticates a call the way the Graph API does: a bearer token it knows, the proof of that
 * token, and a path Page the token belongs to ({@code me} is the token's own Page).
 */
final class SimulatedPages {

    /** What authentication decided: the Page the call acts for, or the Graph error that refuses it. */
    record Authenticated(String pageId, SimulatedGraph.Answer refusal) {
    }

    private final Map<String, String> pageByToken = new LinkedHashMap<>();
    private final String appSecret;

    SimulatedPages(Map<String, String> tokensByPage, String appSecret) {
        tokensByPage.forEach((page, token) -> pageByToken.put(token, page));
        this.appSecret = appSecret;
    }

    Map<String, String> tokensByPage() {
        Map<String, String> tokens = new LinkedHashMap<>();
        pageByToken.forEach((token, page) -> tokens.put(page, token));
        return tokens;
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
        String page = pageOf(token);
        if (page == null) {
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
        if (node != null && !"me".equals(node) && !node.equals(page)) {
            // what the Graph API answers when a Page token acts on another Page
            return refused(SimulatedGraph.error(400, 100, 33, "GraphMethodException",
                    "Unsupported post request. Object with ID '"
                            + node
                            + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation."));
        }
        return new Authenticated(page, null);
    }

    private static Authenticated refused(SimulatedGraph.Answer answer) {
        return new Authenticated(null, answer);
    }

    private String pageOf(String token) {
        for (Map.Entry<String, String> entry : pageByToken.entrySet()) {
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
