package io.github.camelmessenger.internal.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.component.http.ProxyHttpClientConfigurer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
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

/**
 * The one place that talks HTTP to the Graph API, over Apache HttpClient 5 (the client camel-http uses), pooled and
 * reused for every call. It knows HTTP, credentials and Graph errors, nothing of the Send API: a request goes out as
 * given, the answer comes back as status, JSON and usage headers, or as a typed {@code MessengerApiException}. The
 * token travels only in {@code Authorization: Bearer}; the {@code appsecret_proof} is a query parameter, as Meta
 * documents it. Automatic retries are off: whether to send again is the route's decision, and a blind retry could
 * deliver a message twice.
 */
public final class GraphClient implements Closeable {

    /** The most of a 2xx answer that is read: Graph answers are a few kilobytes at most. */
    public static final int SUCCESS_BODY_LIMIT = 1024 * 1024;
    /** The most of an error answer that is read: a Graph error object is well under 1 KB. */
    public static final int ERROR_BODY_LIMIT = 64 * 1024;

    private static final ContentType TEXT_UTF8 = ContentType.create("text/plain", StandardCharsets.UTF_8);

    private final GraphClientSettings settings;
    private final ScheduledExecutorService deadlines;
    private final CloseableHttpClient http;

    /**
     * @param deadlines runs the whole-call deadline of every request: {@code responseTimeout} bounds the call from
     *                  sending the request to the last byte of the answer, a server that trickles its answer included
     */
    public GraphClient(GraphClientSettings settings, ScheduledExecutorService deadlines) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.http = buildClient(settings);
    }

    private static CloseableHttpClient buildClient(GraphClientSettings settings) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .build();
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections());
        if (settings.sslContext() != null) {
            connections.setTlsSocketStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).buildClassic());
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
                char[] password = settings.proxyAuthPassword() == null
                        ? new char[0]
                        : settings.proxyAuthPassword().toCharArray();
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
     * Sends a request. The future completes with the answer, or exceptionally with a {@code MessengerApiException}
     * (the Graph API answered an error, or a 2xx that is not a JSON object) or an {@link IOException} (refused, reset,
     * or not answered within {@code responseTimeout}).
     */
    public CompletableFuture<GraphResponse> execute(GraphRequest request) {
        try {
            return CompletableFuture.completedFuture(executeBlocking(request));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private GraphResponse executeBlocking(GraphRequest request) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri(request));
        http.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + request.credentials().accessToken());
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (request.body() instanceof GraphRequest.JsonBody json) {
            http.setEntity(new ByteArrayEntity(json.json(), ContentType.APPLICATION_JSON));
        } else if (request.body() instanceof GraphRequest.MultipartBody multipart) {
            MultipartEntityBuilder entity = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);
            multipart.fields().forEach((name, value) -> entity.addPart(name, new StringBody(value, TEXT_UTF8)));
            entity.addPart("filedata", contentBody(multipart.file()));
            http.setEntity(entity.build());
        }
        return executeWithinDeadline(http, request.credentials());
    }

    /** {@code baseUrl/apiVersion/path?query&appsecret_proof=...}. */
    private URI uri(GraphRequest request) {
        StringBuilder uri = new StringBuilder(settings.baseUrl()).append('/').append(settings.apiVersion()).append('/')
                .append(request.path());
        String proof = request.credentials().appSecretProof();
        if (request.query() != null && !request.query().isEmpty()) {
            uri.append('?').append(request.query());
        }
        if (proof != null) {
            uri.append(request.query() == null || request.query().isEmpty() ? '?' : '&').append("appsecret_proof=")
                    .append(proof);
        }
        return URI.create(uri.toString());
    }

    private static ContentBody contentBody(FilePart file) {
        ContentType contentType = ContentType.parse(file.mimeType());
        if (file.content() instanceof byte[] bytes) {
            return new ByteArrayBody(bytes, contentType, file.fileName());
        }
        if (file.content() instanceof Path path) {
            return new FileBody(path.toFile(), contentType, file.fileName());
        }
        return new InputStreamBody((InputStream) file.content(), contentType, file.fileName());
    }

    /**
     * Executes a request within {@code responseTimeout}. HttpClient's own response timeout is per read: a server that
     * sends a byte every few hundred milliseconds never trips it. The deadline cancels the request instead, which
     * closes its connection; the call then fails as a {@link SocketTimeoutException}.
     */
    private GraphResponse executeWithinDeadline(HttpUriRequestBase request, PageCredentials credentials) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, settings.responseTimeoutMillis(), TimeUnit.MILLISECONDS);
        try {
            return http.execute(request, response -> interpret(request, response, credentials));
        } catch (IOException e) {
            if (expired.get()) {
                throw timeout(e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private SocketTimeoutException timeout(Exception cause) {
        SocketTimeoutException timeout = new SocketTimeoutException("The Graph API's answer was not complete within"
                + " responseTimeout (" + settings.responseTimeoutMillis() + " ms)");
        timeout.initCause(cause);
        return timeout;
    }

    private static GraphResponse interpret(HttpUriRequestBase request, ClassicHttpResponse response,
            PageCredentials credentials)
            throws IOException {
        int status = response.getCode();
        int limit = status >= 200 && status < 300 ? SUCCESS_BODY_LIMIT : ERROR_BODY_LIMIT;
        HttpEntity entity = response.getEntity();
        InputStream in = entity == null ? null : entity.getContent();
        byte[] body = in == null ? new byte[0] : in.readNBytes(limit + 1);
        boolean overLimit = body.length > limit;
        if (overLimit) {
            // cancelling closes the connection; closing the stream instead would drain the rest of the body for reuse
            request.cancel();
            body = Arrays.copyOf(body, limit);
        } else if (in != null) {
            in.close();
        }
        return GraphAnswer.interpret(status, name -> {
            Header header = response.getFirstHeader(name);
            return header == null ? null : header.getValue();
        }, body, overLimit, limit, credentials);
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
