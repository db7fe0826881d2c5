package io.github.camelmessenger.internal.graph;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.HttpHost;

/**
 * The Graph API as one endpoint sees it: a base URL, an API version and a response timeout, over a shared
 * {@link HttpTransport}. It knows HTTP, credentials and Graph errors, nothing of the Send API: a request goes out as
 * given, the answer comes back as status, JSON and usage headers, or as a typed {@code MessengerApiException}. The
 * token travels only in {@code Authorization: Bearer}; the {@code appsecret_proof} is a query parameter, as Meta
 * documents it. There are no automatic retries: whether to send again is the route's decision, and a blind retry could
 * deliver a message twice.
 */
public final class GraphClient {

    /** The most of a 2xx answer that is read: Graph answers (a page of conversations included) stay well under it. */
    public static final int SUCCESS_BODY_LIMIT = 1024 * 1024;
    /** The most of an error answer that is read: a Graph error object is well under 1 KB. */
    public static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final HttpTransport transport;
    private final HttpHost host;
    private final String pathPrefix;
    private final long responseTimeoutMillis;

    /**
     * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http(s) URL
     */
    public GraphClient(HttpTransport transport, String baseUrl, String apiVersion, long responseTimeoutMillis) {
        this.transport = transport;
        URI base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, not '" + baseUrl + "'");
        }
        // parsed once here: a call only appends its path, and no URI is parsed per call
        this.host = HttpHost.create(base);
        this.pathPrefix = base.getRawPath() + apiVersion + "/";
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    /**
     * Sends a request without holding the calling thread. The future completes with the answer, or exceptionally with a
     * {@code MessengerApiException} (the Graph API answered an error, or a 2xx that is not a JSON object) or an
     * {@link java.io.IOException} (refused, reset, or not answered within {@code responseTimeout}).
     */
    public CompletableFuture<GraphResponse> execute(GraphRequest request) {
        CompletableFuture<HttpTransport.RawAnswer> raw;
        try {
            raw = transport.send(request.method(), host, pathAndQuery(request), request.credentials().authorization(),
                    request.body(), responseTimeoutMillis, SUCCESS_BODY_LIMIT, ERROR_BODY_LIMIT);
        } catch (RuntimeException notStarted) {
            return CompletableFuture.failedFuture(notStarted);
        }
        return raw.thenApply(answer -> GraphAnswer.interpret(answer.status(), answer::header, answer.body(), answer.overLimit(),
                answer.limit(), request.credentials()));
    }

    /** {@code /apiVersion/path?query&appsecret_proof=...}, below the base URL's own path. */
    private String pathAndQuery(GraphRequest request) {
        StringBuilder path = new StringBuilder(pathPrefix).append(request.path());
        String proof = request.credentials().appSecretProof();
        boolean hasQuery = request.query() != null && !request.query().isEmpty();
        if (hasQuery) {
            path.append('?').append(request.query());
        }
        if (proof != null) {
            path.append(hasQuery ? '&' : '?').append("appsecret_proof=").append(proof);
        }
        return path.toString();
    }
}
