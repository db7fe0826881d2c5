package io.github.camelmessenger.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.error.GraphError;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.model.SendResponse;
import org.apache.camel.component.http.ProxyHttpClientConfigurer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks HTTP to the Graph API, over Apache HttpClient 5 (the client camel-http uses). One pooled
 * client per endpoint, reused for every call. The access token travels only in {@code Authorization: Bearer}; the
 * {@code appsecret_proof} is a query parameter, as Meta documents it. Automatic retries are off: whether to send
 * again is the route's decision, and a blind retry could deliver a message twice.
 */
public final class GraphClient implements Closeable {

    public static final String APP_USAGE = "X-App-Usage";
    public static final String PAGE_USAGE = "X-Page-Usage";
    public static final String BUSINESS_USE_CASE_USAGE = "X-Business-Use-Case-Usage";
    /** Usage headers Meta sends with Graph answers; a route can slow down before it is throttled. */
    public static final List<String> USAGE_HEADERS = List.of(APP_USAGE, PAGE_USAGE, BUSINESS_USE_CASE_USAGE);

    /** The longest wait a {@code Retry-After} or usage header may ask for; Meta's longest documented block is a day. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    /** The most of a 2xx answer that is read: Graph answers to these calls are a few hundred bytes. */
    static final int SUCCESS_BODY_LIMIT = 1024 * 1024;
    /** The most of an error answer that is read: a Graph error object is well under 1 KB. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);
    private static final int MAX_CONNECTIONS = 200;

    private static final ContentType TEXT_UTF8 = ContentType.create("text/plain", StandardCharsets.UTF_8);

    private final GraphClientSettings settings;
    private final ScheduledExecutorService deadlines;
    private final String accessToken;
    private final String authorization;
    private final String proofQuery;
    private final CloseableHttpClient http;
    private final ConcurrentMap<String, URI> uris = new ConcurrentHashMap<>();

    /**
     * @param deadlines runs the whole-call deadline of every request: {@code responseTimeout} bounds the call from
     *                  sending the request to the last byte of the answer, a server that trickles its answer included
     */
    public GraphClient(GraphClientSettings settings, ScheduledExecutorService deadlines, String accessToken, String appSecret) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.accessToken = accessToken;
        this.authorization = "Bearer " + accessToken;
        this.proofQuery = appSecret == null || appSecret.isEmpty()
                ? "" : "?appsecret_proof=" + AppSecretProof.of(appSecret, accessToken);
        this.http = buildClient(settings);
    }

    private static CloseableHttpClient buildClient(GraphClientSettings settings) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .build();
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS);
        if (settings.sslContext() != null) {
            connections.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).buildClassic());
        }
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching();
        if (settings.proxyHost() != null && !settings.proxyHost().isEmpty()) {
            int port = settings.proxyPort() == null ? 8080 : settings.proxyPort();
            new ProxyHttpClientConfigurer(settings.proxyHost(), port, "http").configureHttpClient(builder);
            if (settings.proxyAuthUsername() != null) {
                char[] password = settings.proxyAuthPassword() == null ? new char[0] : settings.proxyAuthPassword().toCharArray();
                builder.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                        .add(new AuthScope(settings.proxyHost(), port), settings.proxyAuthUsername(), password)
                        .build());
            }
        }
        if (settings.httpClientConfigurer() != null) {
            settings.httpClientConfigurer().configureHttpClient(builder);
        }
        return builder.build();
    }

    /**
     * POSTs a JSON body to {@code /{apiVersion}/{node}/{edge}}.
     *
     * @throws MessengerApiException when the Graph API answers with an error
     * @throws IOException           when the connection is refused, reset or times out
     */
    public GraphResponse post(String node, String edge, byte[] json) throws IOException {
        HttpPost post = new HttpPost(uri(node, edge));
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return execute(post);
    }

    /** The request URI of an edge, built once: every send of an endpoint goes to the same one. */
    private URI uri(String node, String edge) {
        return uris.computeIfAbsent(node + '/' + edge,
                key -> URI.create(settings.baseUrl() + "/" + settings.apiVersion() + "/" + key + proofQuery));
    }

    /** GETs {@code /{apiVersion}/{pathAndQuery}}, e.g. {@code me?fields=id}. */
    public GraphResponse get(String pathAndQuery) throws IOException {
        String query = proofQuery.isEmpty() ? "" : (pathAndQuery.contains("?") ? "&" : "?") + proofQuery.substring(1);
        HttpGet get = new HttpGet(URI.create(settings.baseUrl() + "/" + settings.apiVersion() + "/" + pathAndQuery + query));
        get.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        return execute(get);
    }

    /**
     * POSTs {@code multipart/form-data} to {@code /{apiVersion}/{node}/{edge}}: each field as a text part (JSON objects
     * as their JSON text, as Meta's examples send them), then the file as {@code filedata}, streamed.
     */
    public GraphResponse postMultipart(String node, String edge, Map<String, String> fields, FilePart file) throws IOException {
        HttpPost post = new HttpPost(uri(node, edge));
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);
        fields.forEach((name, value) -> multipart.addPart(name, new StringBody(value, TEXT_UTF8)));
        multipart.addPart("filedata", file.body());
        post.setEntity(multipart.build());
        return execute(post);
    }

    /**
     * Executes a request within {@code responseTimeout}. HttpClient's own response timeout is per read: a server that
     * sends a byte every few hundred milliseconds never trips it. The deadline cancels the request instead, which
     * closes its connection; the call then fails as a {@link SocketTimeoutException}.
     */
    private GraphResponse execute(HttpUriRequestBase request) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, settings.responseTimeoutMillis(), TimeUnit.MILLISECONDS);
        try {
            return http.execute(request, response -> handle(request, response));
        } catch (IOException e) {
            if (expired.get()) {
                SocketTimeoutException timeout = new SocketTimeoutException("The Graph API's answer was not complete within"
                                                                            + " responseTimeout (" + settings.responseTimeoutMillis() + " ms)");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private GraphResponse handle(HttpUriRequestBase request, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        Map<String, String> usage = usageHeaders(response);
        HttpEntity entity = response.getEntity();
        if (status >= 200 && status < 300) {
            Body body = readBounded(request, entity, SUCCESS_BODY_LIMIT);
            if (body.overLimit()) {
                throw MessengerApiException.unconfirmed(status, "with a body over " + SUCCESS_BODY_LIMIT + " bytes (not read)", usage);
            }
            JsonNode json = parseOrNull(body.bytes());
            if (json == null || !json.isObject()) {
                throw MessengerApiException.unconfirmed(status, body.bytes().length == 0 ? "with an empty body"
                        : "with a body that is not a JSON object", usage);
            }
            SendResponse parsed = new SendResponse(text(json, "recipient_id"), text(json, "message_id"), text(json, "attachment_id"));
            return new GraphResponse(parsed, json, usage);
        }
        Body body = readBounded(request, entity, ERROR_BODY_LIMIT);
        GraphError error = parseError(status, body);
        LOG.debug("Graph API answered HTTP {} code {} subcode {} fbtrace_id {}", status, error.code(),
                error.errorSubcode(), error.fbtraceId());
        throw MessengerApiException.of(error, retryAfter(response, usage), usage);
    }

    /** The first {@code limit} bytes of a body; {@code overLimit} when there was more (the rest is not read). */
    private record Body(byte[] bytes, boolean overLimit) {
    }

    /**
     * Reads at most {@code limit} bytes. When the body is longer, the request is cancelled, which closes its connection
     * instead of draining the rest for reuse (closing the stream would read it all), so a huge answer costs neither
     * heap nor time. The caller then throws: a body over its limit is never a success.
     */
    private static Body readBounded(HttpUriRequestBase request, HttpEntity entity, int limit) throws IOException {
        InputStream in = entity == null ? null : entity.getContent();
        if (in == null) {
            return new Body(new byte[0], false);
        }
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            request.cancel();
            return new Body(Arrays.copyOf(bytes, limit), true);
        }
        in.close();
        return new Body(bytes, false);
    }

    private static JsonNode parseOrNull(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return GraphJson.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private GraphError parseError(int status, Body body) {
        JsonNode root = body.overLimit() ? null : parseOrNull(body.bytes());
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isObject()) {
            // not a Graph error (a proxy's HTML page, a truncated or oversized body): classified by the HTTP status alone
            String what = body.overLimit() ? "with an error body over " + ERROR_BODY_LIMIT + " bytes (not read)"
                    : "without a Graph error body";
            return new GraphError(status, "HTTP " + status + " " + what, null, null, null, false, null, null, null);
        }
        return new GraphError(status,
                redact(text(error, "message")),
                text(error, "type"),
                integer(error, "code"),
                integer(error, "error_subcode"),
                error.path("is_transient").asBoolean(false),
                redact(text(error, "error_user_title")),
                redact(text(error, "error_user_msg")),
                text(error, "fbtrace_id"));
    }

    private String redact(String text) {
        return text == null || accessToken.isEmpty() ? text : text.replace(accessToken, "******");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A code as a number, or as a numeric string; anything else is no code. */
    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt()) {
            return value.asInt();
        }
        try {
            return value.isTextual() ? Integer.valueOf(value.asText().trim()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Map<String, String> usageHeaders(ClassicHttpResponse response) {
        Map<String, String> usage = new LinkedHashMap<>();
        for (String name : USAGE_HEADERS) {
            Header header = response.getFirstHeader(name);
            if (header != null) {
                usage.put(name, header.getValue());
            }
        }
        return usage;
    }

    /**
     * {@code Retry-After} (seconds, or an HTTP date) when present and sane, else the longest
     * {@code estimated_time_to_regain_access} (minutes) of {@code X-Business-Use-Case-Usage}. A negative, unreadable or
     * past value is ignored (null: the route's own backoff applies); a wait longer than {@link #MAX_RETRY_AFTER} is cut
     * to it, so a broken header never turns into a negative or endless redelivery delay.
     */
    static Duration retryAfter(ClassicHttpResponse response, Map<String, String> usage) {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        Duration fromHeader = retryAfter == null ? null : parseRetryAfter(retryAfter.getValue(), Instant.now());
        if (fromHeader != null) {
            return fromHeader;
        }
        String businessUsage = usage.get(BUSINESS_USE_CASE_USAGE);
        if (businessUsage == null) {
            return null;
        }
        long minutes = 0;
        try {
            JsonNode root = GraphJson.readTree(businessUsage.getBytes(StandardCharsets.UTF_8));
            for (Iterator<JsonNode> perBusiness = root.elements(); perBusiness.hasNext();) {
                for (JsonNode entry : perBusiness.next()) {
                    minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return minutes > 0 ? atMostMax(Duration.ofMinutes(Math.min(minutes, MAX_RETRY_AFTER.toMinutes()))) : null;
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110); null when negative, past or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : atMostMax(Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration untilDate = Duration.between(now, ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return untilDate.isNegative() ? null : atMostMax(untilDate);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration atMostMax(Duration wait) {
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
