package io.github.camelmessenger.internal.graph;

import java.util.Map;

/**
 * One call to the Graph API: {@code method /{apiVersion}/{path}?{query}} for a Page's credentials, with a JSON or
 * multipart body or none. The transport adds the version, the {@code Authorization} header and the
 * {@code appsecret_proof}; nothing else of the exchange ever reaches the request.
 *
 * @param path  below the API version, e.g. {@code 106540352242922/messages}
 * @param query the query string without {@code appsecret_proof}, or null
 * @param body  null for a call without a body
 */
public record GraphRequest(String method, String path, String query, PageCredentials credentials, Body body) {

    /** What a request carries. */
    public sealed interface Body permits JsonBody, MultipartBody {
    }

    /** {@code application/json}. */
    public record JsonBody(byte[] json) implements Body {
    }

    /**
     * {@code multipart/form-data}: each field as a text part (JSON objects as their JSON text, as Meta's examples send
     * them), then the file as {@code filedata}.
     */
    public record MultipartBody(Map<String, String> fields, FilePart file) implements Body {
    }

    public static GraphRequest post(String path, PageCredentials credentials, byte[] json) {
        return new GraphRequest("POST", path, null, credentials, new JsonBody(json));
    }

    public static GraphRequest get(String path, String query, PageCredentials credentials) {
        return new GraphRequest("GET", path, query, credentials, null);
    }

    public static GraphRequest delete(String path, PageCredentials credentials, byte[] json) {
        return new GraphRequest("DELETE", path, null, credentials, json == null ? null : new JsonBody(json));
    }

    @Override
    public String toString() {
        return "GraphRequest[" + method + " " + path + (query == null ? "" : "?" + query) + "]";
    }
}
