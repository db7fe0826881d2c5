package io.github.camelmessenger.internal.graph;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.nio.support.classic.AbstractClassicEntityProducer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled, non-blocking Apache HttpClient 5 (its async client, HTTP/2 where a TLS server offers it by ALPN), shared
 * by every endpoint and every Page with the same connection settings. A call holds no thread while the server answers:
 * its request is written and its answer read by the client's I/O threads, and only a file upload borrows a thread, to
 * stream the file without reading it into memory. Every call ends within its deadline, a server that trickles its
 * answer included: the deadline cancels the call, which closes its connection.
 */
public final class HttpTransport implements Closeable {

    /** How to connect; endpoints whose settings are equal share one transport, and so one connection pool. */
    public record Settings(long connectTimeoutMillis, int maxConnections, String proxyHost, Integer proxyPort,
            String proxyAuthUsername, String proxyAuthPassword, SSLContext sslContext,
            Consumer<HttpAsyncClientBuilder> configurer) {

        @Override
        public String toString() {
            return "HttpTransport.Settings[connectTimeoutMillis=" + connectTimeoutMillis + ", maxConnections=" + maxConnections
                    + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort + "]";
        }
    }

    /** An answer as read: status, headers, and at most its first {@code limit} bytes. */
    record RawAnswer(int status, HttpResponse response, byte[] body, boolean overLimit, int limit) {

        String header(String name) {
            Header header = response.getFirstHeader(name);
            return header == null ? null : header.getValue();
        }
    }

    private static final ContentType TEXT_UTF8 = ContentType.create("text/plain", StandardCharsets.UTF_8);

    private final PoolingAsyncClientConnectionManager connections;
    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService deadlines;
    private final Executor uploads;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param deadlines ends every call that passes its deadline
     * @param uploads   the threads that stream file uploads into the request, one per upload in flight
     */
    public HttpTransport(Settings settings, ScheduledExecutorService deadlines, Executor uploads) {
        this.deadlines = deadlines;
        this.uploads = uploads;
        this.connections = connections(settings);
        this.client = build(settings, connections);
        client.start();
    }

    private static PoolingAsyncClientConnectionManager connections(Settings settings) {
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis())).build())
                // HTTP/2 where the server offers it (TLS with ALPN), HTTP/1.1 otherwise
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build());
        if (settings.sslContext() != null) {
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).build());
        }
        return connections.build();
    }

    private static CloseableHttpAsyncClient build(Settings settings, PoolingAsyncClientConnectionManager connections) {
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching();
        if (settings.proxyHost() != null && !settings.proxyHost().isEmpty()) {
            int port = settings.proxyPort() == null ? 8080 : settings.proxyPort();
            builder.setProxy(new HttpHost("http", settings.proxyHost(), port));
            if (settings.proxyAuthUsername() != null) {
                char[] password = settings.proxyAuthPassword() == null
                        ? new char[0]
                        : settings.proxyAuthPassword().toCharArray();
                builder.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                        .add(new AuthScope(settings.proxyHost(), port), settings.proxyAuthUsername(), password)
                        .build());
            }
        }
        if (settings.configurer() != null) {
            settings.configurer().accept(builder);
        }
        return builder.build();
    }

    /**
     * Sends one request. The future completes with the answer (a bounded prefix of its body) or with an
     * {@link IOException}: refused, reset, or not complete within {@code timeoutMillis} (a
     * {@link SocketTimeoutException}). It never completes on the calling thread before this method returns, except for a
     * request that could not even be started.
     */
    CompletableFuture<RawAnswer> send(String method, HttpHost host, String pathAndQuery, String authorization,
            GraphRequest.Body body, long timeoutMillis, int successLimit, int errorLimit) {
        CompletableFuture<RawAnswer> answer = new CompletableFuture<>();
        AtomicReference<Future<RawAnswer>> callHolder = new AtomicReference<>();
        BoundedConsumer consumer = new BoundedConsumer(successLimit, errorLimit);
        AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setHttpHost(host).setPath(pathAndQuery)
                .setHeader(HttpHeaders.AUTHORIZATION, authorization)
                .setHeader(HttpHeaders.ACCEPT, "application/json");
        if (body != null) {
            // a body that fails while it is written (a stream past its limit) fails the call with that failure
            request.setEntity(entity(body, failure -> {
                answer.completeExceptionally(failure);
                Future<RawAnswer> call = callHolder.get();
                if (call != null) {
                    call.cancel(true);
                }
            }));
        }
        HttpClientContext context = HttpClientContext.create();
        // a call beyond maxConnections waits in the pool's queue, holding no thread, until a connection is free or its
        // deadline passes: a burst larger than the pool is sent as connections free up, not refused
        context.setRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeoutMillis))
                .setResponseTimeout(Timeout.ofMilliseconds(timeoutMillis))
                .setRedirectsEnabled(false).build());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline;
        try {
            deadline = deadlines.schedule(() -> {
                expired.set(true);
                Future<RawAnswer> started = callHolder.get();
                if (started != null) {
                    started.cancel(true);
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture
                    .failedFuture(new IOException("The Graph API call was not sent: the component is stopping"));
        }
        answer.whenComplete((result, failure) -> deadline.cancel(false));
        inFlight.incrementAndGet();
        answer.whenComplete((result, failure) -> inFlight.decrementAndGet());
        Future<RawAnswer> call;
        try {
            call = client.execute(request.build(), consumer, context, new FutureCallback<>() {

                @Override
                public void completed(RawAnswer result) {
                    answer.complete(result);
                }

                @Override
                public void failed(Exception failure) {
                    if (failure instanceof BodyOverLimit && consumer.response != null) {
                        answer.complete(consumer.overLimit());
                    } else if (expired.get()) {
                        answer.completeExceptionally(timeout(timeoutMillis, failure));
                    } else {
                        answer.completeExceptionally(
                                failure instanceof IOException ? failure : new IOException(failure.getMessage(), failure));
                    }
                }

                @Override
                public void cancelled() {
                    answer.completeExceptionally(expired.get()
                            ? timeout(timeoutMillis, null)
                            : new IOException("The Graph API call was cancelled: the component is stopping"));
                }
            });
        } catch (RuntimeException closed) {
            answer.completeExceptionally(new IOException("The Graph API call was not sent: the HTTP client is closed", closed));
            return answer;
        }
        callHolder.set(call);
        if (answer.isDone() || expired.get()) {
            call.cancel(true);
        }
        return answer;
    }

    private static SocketTimeoutException timeout(long timeoutMillis, Exception cause) {
        SocketTimeoutException timeout = new SocketTimeoutException("The Graph API's answer was not complete within"
                + " responseTimeout (" + timeoutMillis + " ms)");
        if (cause != null && !(cause instanceof CancellationException)) {
            timeout.initCause(cause);
        }
        return timeout;
    }

    private AsyncEntityProducer entity(GraphRequest.Body body, Consumer<Exception> writeFailed) {
        if (body instanceof GraphRequest.JsonBody json) {
            return AsyncEntityProducers.create(json.json(), ContentType.APPLICATION_JSON);
        }
        GraphRequest.MultipartBody multipart = (GraphRequest.MultipartBody) body;
        MultipartEntityBuilder builder = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);
        multipart.fields().forEach((name, value) -> builder.addPart(name, new StringBody(value, TEXT_UTF8)));
        builder.addPart("filedata", contentBody(multipart.file()));
        HttpEntity entity = builder.build();
        // the multipart body is written by a borrowed thread into a bounded buffer the I/O threads drain: a file streams
        // from disk (or a stream from its source) without being read into memory
        return new AbstractClassicEntityProducer(64 * 1024, ContentType.parse(entity.getContentType()), uploads) {

            @Override
            protected void produceData(ContentType contentType, OutputStream out) throws IOException {
                try {
                    entity.writeTo(out);
                } catch (IOException | RuntimeException e) {
                    writeFailed.accept(e);
                    throw e;
                }
            }
        };
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

    /** Signals that an answer's body passed its limit: the call fails, and its connection is closed, not reused. */
    private static final class BodyOverLimit extends IOException {

        private static final long serialVersionUID = 1L;

        BodyOverLimit() {
            super("answer body over its limit");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Keeps at most the first {@code limit} bytes of an answer (a 2xx and an error have their own limits). */
    private static final class BoundedConsumer extends AbstractBinResponseConsumer<RawAnswer> {

        private final int successLimit;
        private final int errorLimit;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private volatile HttpResponse response;
        private int limit;

        BoundedConsumer(int successLimit, int errorLimit) {
            this.successLimit = successLimit;
            this.errorLimit = errorLimit;
        }

        @Override
        protected void start(HttpResponse started, ContentType contentType) {
            this.response = started;
            this.limit = started.getCode() >= 200 && started.getCode() < 300 ? successLimit : errorLimit;
        }

        @Override
        protected int capacityIncrement() {
            return 64 * 1024;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            int room = limit + 1 - body.size();
            int take = Math.min(room, src.remaining());
            byte[] chunk = new byte[take];
            src.get(chunk);
            body.write(chunk);
            if (body.size() > limit) {
                throw new BodyOverLimit();
            }
        }

        @Override
        protected RawAnswer buildResult() {
            return new RawAnswer(response.getCode(), response, body.toByteArray(), false, limit);
        }

        RawAnswer overLimit() {
            byte[] prefix = body.toByteArray();
            return new RawAnswer(response.getCode(), response, Arrays.copyOf(prefix, Math.min(prefix.length, limit)), true,
                    limit);
        }

        @Override
        public void releaseResources() {
            // the body is kept by the answer, nothing else is held
        }
    }

    /**
     * Closes the pool: at once when no call is in flight (an idle HTTP/2 connection would otherwise hold a graceful
     * shutdown for a second), else gracefully, so that a call already sent is answered or reaches its deadline, and one
     * not yet sent fails with an {@link IOException}; none hangs.
     */
    @Override
    public void close() {
        connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
        client.close(inFlight.get() == 0 ? CloseMode.IMMEDIATE : CloseMode.GRACEFUL);
    }
}
