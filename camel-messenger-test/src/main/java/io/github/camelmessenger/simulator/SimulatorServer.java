package io.github.camelmessenger.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.KeyManagerFactory;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;

/**
 * The simulator's HTTP server: Vert.x on loopback, non-blocking, so that thousands of answers can wait on their latency
 * at once without a thread each. Over TLS it offers HTTP/2 by ALPN. It hands every request, body read, to a handler
 * and gives it the ways to answer: a response, a dropped connection, or an answer after a delay.
 */
final class SimulatorServer implements AutoCloseable {

    /** The ways the handler can end a request. */
    interface Reply {

        void send(int status, byte[] body, String contentType, Map<String, String> headers);

        /** Closes the connection (HTTP/1.1) or resets the stream (HTTP/2) without any answer. */
        void drop();

        /** Runs {@code then} after {@code millis}, on the server's event loop, without blocking it. */
        void after(long millis, Runnable then);
    }

    private final Vertx vertx;
    private final HttpServer server;

    SimulatorServer(int port, KeyManagerFactory tls, Consumer<Exchange> handler) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true)
                .setAcceptBacklog(1024).setHandle100ContinueAutomatically(true).setDecompressionSupported(true);
        if (tls != null) {
            options.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(tls)).setUseAlpn(true)
                    .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
        }
        this.server = vertx.createHttpServer(options).requestHandler(request -> accept(request, handler));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("The simulator could not bind loopback port " + port, e);
        }
    }

    /** One request with its body, and how to answer it. */
    record Exchange(String method, String path, String query, Map<String, List<String>> headers, byte[] body, String protocol,
            long receivedAtNanos, Reply reply) {
    }

    private void accept(HttpServerRequest request, Consumer<Exchange> handler) {
        long receivedAt = System.nanoTime();
        request.body().onSuccess(buffer -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.headers().names()
                    .forEach(name -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(request.headers().getAll(name))));
            String protocol = request.version() == HttpVersion.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
            handler.accept(
                    new Exchange(request.method().name(), request.path(), request.query(), headers, bytes(buffer), protocol,
                            receivedAt, reply(request)));
        });
    }

    private Reply reply(HttpServerRequest request) {
        return new Reply() {

            @Override
            public void send(int status, byte[] body, String contentType, Map<String, String> headers) {
                request.response().setStatusCode(status).putHeader("Content-Type", contentType);
                headers.forEach((name, value) -> request.response().putHeader(name, value));
                request.response().end(Buffer.buffer(body));
            }

            @Override
            public void drop() {
                if (request.version() == HttpVersion.HTTP_2) {
                    request.response().reset();
                } else {
                    request.connection().close();
                }
            }

            @Override
            public void after(long millis, Runnable then) {
                if (millis <= 0) {
                    then.run();
                } else {
                    vertx.setTimer(millis, id -> then.run());
                }
            }
        };
    }

    private static byte[] bytes(Buffer buffer) {
        return buffer == null ? new byte[0] : buffer.getBytes();
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // the event loops are gone, or will be: nothing more to do
        }
    }
}
