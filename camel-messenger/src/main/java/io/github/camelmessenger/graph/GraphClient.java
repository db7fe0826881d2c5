package io.github.camelmessenger.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.error.GraphError;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.model.SendResponse;
import org.apache.camel.component.http.ProxyHttpClientConfigurer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
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
import org.apache.hc.core5.http.io.entity.EntityUtils;
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

    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);
    private static final int MAX_CONNECTIONS = 200;

    private final GraphClientSettings settings;
    private final String accessToken;
    private final String authorization;
    private final String proofQuery;
    private final CloseableHttpClient http;

    public GraphClient(GraphClientSettings settings, String accessToken, String appSecret) {
        this.settings = settings;
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
        return http.execute(post, this::handle);
    }

    private final java.util.concurrent.ConcurrentMap<String, URI> uris = new java.util.concurrent.ConcurrentHashMap<>();

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
        return http.execute(get, this::handle);
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
        return http.execute(post, this::handle);
    }

    private static final ContentType TEXT_UTF8 = ContentType.create("text/plain", java.nio.charset.StandardCharsets.UTF_8);

    private GraphResponse handle(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        Map<String, String> usage = usageHeaders(response);
        HttpEntity entity = response.getEntity();
        if (status >= 200 && status < 300) {
            JsonNode body = readBody(entity);
            if (body == null) {
                body = GraphJson.objectNode();
            }
            SendResponse parsed = new SendResponse(text(body, "recipient_id"), text(body, "message_id"), text(body, "attachment_id"));
            return new GraphResponse(parsed, body, usage);
        }
        GraphError error = parseError(status, entity);
        LOG.debug("Graph API answered HTTP {} code {} subcode {} fbtrace_id {}", status, error.code(),
                error.errorSubcode(), error.fbtraceId());
        throw MessengerApiException.of(error, retryAfter(response, usage), usage);
    }

    private static JsonNode readBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        try (InputStream in = entity.getContent()) {
            return in == null ? null : GraphJson.readTree(in);
        }
    }

    private GraphError parseError(int status, HttpEntity entity) {
        JsonNode error = null;
        try {
            JsonNode body = readBody(entity);
            error = body == null ? null : body.get("error");
        } catch (IOException e) {
            // not JSON (a proxy's HTML page, a truncated body): classified by the HTTP status alone
            EntityUtils.consumeQuietly(entity);
        }
        if (error == null || !error.isObject()) {
            return new GraphError(status, "HTTP " + status + " without a Graph error body", null, null, null, false,
                    null, null, null);
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
     * {@code Retry-After} in seconds when present, else the longest {@code estimated_time_to_regain_access} (minutes)
     * of {@code X-Business-Use-Case-Usage}.
     */
    static Duration retryAfter(ClassicHttpResponse response, Map<String, String> usage) {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(retryAfter.getValue().trim()));
            } catch (NumberFormatException e) {
                // an HTTP date: Meta does not send one; fall through to the usage header
            }
        }
        String businessUsage = usage.get(BUSINESS_USE_CASE_USAGE);
        if (businessUsage == null) {
            return null;
        }
        long minutes = 0;
        try {
            JsonNode root = GraphJson.readTree(businessUsage.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Iterator<JsonNode> perBusiness = root.elements(); perBusiness.hasNext();) {
                for (JsonNode entry : perBusiness.next()) {
                    minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
