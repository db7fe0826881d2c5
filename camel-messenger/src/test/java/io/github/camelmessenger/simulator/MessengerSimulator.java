package io.github.camelmessenger.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An in-process fake of the Graph API Send API on loopback, for tests, examples and benchmarks: no network, no
 * credentials. It checks the bearer token and {@code appsecret_proof}, applies the Send API's request rules, answers
 * with real Graph shapes (unique {@code message_id}s, error bodies with code, subcode and fbtrace_id), records every
 * request and injects queued {@link Fault}s.
 *
 * <pre>
 * try (MessengerSimulator simulator = MessengerSimulator.start("test-token")) {
 *     // to("messenger:send?accessToken=test-token&amp;baseUrl=" + simulator.baseUrl())
 *     simulator.requests();
 * }
 * </pre>
 */
public final class MessengerSimulator implements AutoCloseable {

    static {
        // the JDK server writes headers and body apart: without TCP_NODELAY, Nagle's algorithm and the client's delayed
        // ACK add ~40 ms to every answer (read once, when the first server starts)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Pattern MESSAGES_PATH = Pattern.compile("^/(v\\d+\\.\\d+)/([^/]+)/(messages|message_attachments)/?$");

    private final ObjectMapper mapper = new ObjectMapper();
    private final String accessToken;
    private final String appSecret;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String proxyAuthorization;
    private volatile RandomFaults randomFaults;
    private volatile long latencyMillis;
    private volatile RateLimiter rateLimiter;
    private volatile boolean recording = true;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong deliveredCount = new AtomicLong();

    /** Faults drawn at random (seeded, so a run can be replayed) for requests with no queued fault. */
    private record RandomFaults(double probability, java.util.Random random, List<Fault> mix) {
        synchronized Fault draw() {
            return random.nextDouble() < probability ? mix.get(random.nextInt(mix.size())) : null;
        }
    }

    private MessengerSimulator(String accessToken, String appSecret, SSLContext tls, int port) throws IOException {
        this.accessToken = accessToken;
        this.appSecret = appSecret;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            this.server = HttpServer.create(loopback, 200);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 200);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "messenger-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A simulator that accepts {@code accessToken} and does not require {@code appsecret_proof}. */
    public static MessengerSimulator start(String accessToken) {
        return start(accessToken, null);
    }

    /** A simulator that accepts {@code accessToken} and, when {@code appSecret} is set, requires its proof. */
    public static MessengerSimulator start(String accessToken, String appSecret) {
        return start(accessToken, appSecret, null);
    }

    /** A simulator served over HTTPS with the key material of {@code tls}, to test TLS settings. */
    public static MessengerSimulator start(String accessToken, String appSecret, SSLContext tls) {
        return start(accessToken, appSecret, tls, 0);
    }

    /** A simulator on a fixed loopback port (0 for any free one), for applications configured by properties. */
    public static MessengerSimulator startOnPort(String accessToken, int port) {
        return start(accessToken, null, null, port);
    }

    private static MessengerSimulator start(String accessToken, String appSecret, SSLContext tls, int port) {
        try {
            return new MessengerSimulator(accessToken, appSecret, tls, port);
        } catch (IOException e) {
            throw new IllegalStateException("The simulator could not bind loopback port " + port, e);
        }
    }

    /** The value for the endpoint's {@code baseUrl} option. */
    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void record(RecordedRequest request) {
        received.incrementAndGet();
        if (request.delivered()) {
            deliveredCount.incrementAndGet();
        }
        if (recording) {
            requests.add(request);
        }
    }

    /**
     * Whether to keep every request ({@link #requests()}); a benchmark of a million sends turns it off and reads the
     * counters only.
     */
    public MessengerSimulator recording(boolean keep) {
        this.recording = keep;
        return this;
    }

    /** How many requests arrived, recorded or not. */
    public long receivedCount() {
        return received.get();
    }

    /** How many messages were accepted, recorded or not. */
    public long deliveredCount() {
        return deliveredCount.get();
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests whose message the simulator accepted. */
    public List<RecordedRequest> delivered() {
        return requests().stream().filter(RecordedRequest::delivered).toList();
    }

    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("The simulator received no request");
        }
        return all.get(all.size() - 1);
    }

    /** Queues faults: each is applied to one incoming request, in order. */
    public MessengerSimulator enqueue(Fault... newFaults) {
        Collections.addAll(faults, newFaults);
        return this;
    }

    /**
     * Plays an authenticating HTTP proxy: a request without {@code Proxy-Authorization: Basic} for these credentials
     * gets 407 with a Basic challenge (and is recorded, not delivered).
     */
    public MessengerSimulator requireProxyAuthorization(String user, String password) {
        this.proxyAuthorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * From now on, each request without a queued fault gets one of {@code mix} with {@code probability}, drawn from a
     * random sequence seeded with {@code seed}.
     */
    public MessengerSimulator randomFaults(double probability, long seed, List<Fault> mix) {
        this.randomFaults = new RandomFaults(probability, new java.util.Random(seed), List.copyOf(mix));
        return this;
    }

    /** Every answer waits this long first, like the real Graph API's latency. */
    public MessengerSimulator latency(java.time.Duration latency) {
        this.latencyMillis = latency.toMillis();
        return this;
    }

    /**
     * Enforces Meta's documented per-Page Send API rates: {@code textPerSecond} for text and other messages,
     * {@code mediaPerSecond} for audio and video attachments, over a sliding second. Beyond them the answer is Graph
     * error 613.
     */
    public MessengerSimulator rateLimits(int textPerSecond, int mediaPerSecond) {
        this.rateLimiter = new RateLimiter(textPerSecond, mediaPerSecond);
        return this;
    }

    /** {@link #rateLimits(int, int)} with Meta's figures: 300 messages/s, 10 audio or video messages/s per Page. */
    public MessengerSimulator metaRateLimits() {
        return rateLimits(300, 10);
    }

    /** How many requests the rate limiter refused with 613. */
    public long rateLimitedCount() {
        return requests().stream().filter(r -> "RateLimited".equals(r.fault())).count();
    }

    /**
     * Plays Meta's side of a webhook: POSTs {@code json} to {@code url} signed with {@code X-Hub-Signature-256} for
     * {@code appSecret}, and returns the HTTP status the consumer answered.
     */
    public static int postWebhook(String url, String appSecret, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", signature)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Messenger webhook batch with one text message from {@code psid} to {@code pageId}, as Meta sends it. */
    public static String textMessageEvent(String pageId, String psid, String mid, String text) {
        ObjectNode message = new ObjectMapper().createObjectNode();
        message.put("mid", mid);
        message.put("text", text);
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":1732500000000,\"messaging\":[{"
               + "\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + pageId + "\"},"
               + "\"timestamp\":1732500000000,\"message\":" + message + "}]}]}";
    }

    /** Forgets the recorded requests and the queued faults. */
    public void reset() {
        requests.clear();
        received.set(0);
        deliveredCount.set(0);
        faults.clear();
        proxyAuthorization = null;
        randomFaults = null;
        latencyMillis = 0;
        rateLimiter = null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long receivedAt = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            RecordedRequest recorded = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body, false, null, receivedAt);
            String requiredProxyAuthorization = proxyAuthorization;
            if (requiredProxyAuthorization != null
                    && !requiredProxyAuthorization.equals(recorded.header("Proxy-Authorization"))) {
                record(recorded.withOutcome(false, "ProxyAuthenticationRequired"));
                send(exchange, 407, new byte[0], "text/plain", Map.of("Proxy-Authenticate", "Basic realm=\"simulator\""));
                return;
            }
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            Fault fault = faults.poll();
            RandomFaults random = randomFaults;
            if (fault == null && random != null) {
                fault = random.draw();
            }
            String faultName = fault == null ? null : fault.getClass().getSimpleName();
            if (fault instanceof Fault.Delay delay) {
                sleep(delay.delay().toMillis());
                fault = null;
            }
            if (fault instanceof Fault.ConnectionReset) {
                record(recorded.withOutcome(false, faultName));
                return; // closing the exchange without a response drops the connection
            }
            if (fault instanceof Fault.HttpStatus status) {
                record(recorded.withOutcome(false, faultName));
                send(exchange, status.status(), status.body().getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
                return;
            }
            if (fault instanceof Fault.GraphError error) {
                record(recorded.withOutcome(false, faultName));
                sendError(exchange, error.status(), error.code(), error.subcode(), error.isTransient(), error.type(),
                        error.message(), error.headers());
                return;
            }
            RateLimiter limiter = rateLimiter;
            if (limiter != null && !limiter.tryAcquire(recorded)) {
                record(recorded.withOutcome(false, "RateLimited"));
                sendError(exchange, 400, 613, null, false, "OAuthException",
                        "(#613) Calls to this api have exceeded the rate limit.", Map.of("X-Business-Use-Case-Usage",
                                "{\"0\":[{\"type\":\"messenger\",\"call_count\":100,\"estimated_time_to_regain_access\":0}]}"));
                return;
            }
            Answer answer = answer(recorded);
            record(recorded.withOutcome(answer.delivered(), faultName));
            if (fault instanceof Fault.ResponseLost && answer.delivered()) {
                return;
            }
            send(exchange, answer.status(), answer.body(), "application/json", answer.headers());
        }
    }

    private record Answer(int status, byte[] body, Map<String, String> headers, boolean delivered) {
    }

    private static final Pattern ME_PATH = Pattern.compile("^/(v\\d+\\.\\d+)/me/?$");

    private Answer answer(RecordedRequest request) throws IOException {
        if ("GET".equals(request.method()) && ME_PATH.matcher(request.path()).matches()) {
            Answer refused = authenticate(request);
            if (refused != null) {
                return refused;
            }
            ObjectNode me = mapper.createObjectNode();
            me.put("id", "106540352242922");
            me.put("name", "Simulated Page");
            return new Answer(200, mapper.writeValueAsBytes(me), Map.of(), false);
        }
        if (!"POST".equals(request.method())) {
            return error(400, 100, null, "GraphMethodException", "Unsupported " + request.method() + " request.");
        }
        Matcher matcher = MESSAGES_PATH.matcher(request.path());
        if (!matcher.matches()) {
            return error(400, 100, null, "GraphMethodException", "Unknown path components: " + request.path());
        }
        Answer refused = authenticate(request);
        if (refused != null) {
            return refused;
        }
        JsonNode json;
        try {
            json = request.json();
        } catch (IllegalStateException e) {
            return error(400, 100, null, "OAuthException", "(#100) The request body is not valid JSON.");
        }
        if ("message_attachments".equals(matcher.group(3))) {
            JsonNode attachment = json.path("message").path("attachment");
            boolean hasFile = request.isMultipart() && request.part("filedata") != null;
            if (!attachment.isObject() || hasFile == attachment.path("payload").has("url")) {
                return error(400, 100, null, "OAuthException", "(#100) Upload attachment failure: send a url or filedata.");
            }
            ObjectNode uploaded = mapper.createObjectNode();
            uploaded.put("attachment_id", String.valueOf(2_000_000_000L + ids.incrementAndGet()));
            return new Answer(200, mapper.writeValueAsBytes(uploaded), Map.of(), true);
        }
        String rule = SimulatedRules.firstBrokenRule(json);
        if (rule != null) {
            return error(400, 100, null, "OAuthException", "(#100) " + rule);
        }
        ObjectNode ok = mapper.createObjectNode();
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
        return new Answer(200, mapper.writeValueAsBytes(ok), Map.of(
                "X-App-Usage", "{\"call_count\":1,\"total_time\":1,\"total_cputime\":1}",
                "X-Page-Usage", "{\"call_count\":2,\"total_time\":1,\"total_cputime\":1}",
                "X-Business-Use-Case-Usage", "{\"106540352242922\":[{\"type\":\"messenger\",\"call_count\":3,"
                                             + "\"estimated_time_to_regain_access\":0}]}"), true);
    }

    /** The bearer token and the appsecret_proof, checked like the Graph API does; null when both are right. */
    private Answer authenticate(RecordedRequest request) throws IOException {
        if (request.query() != null && request.query().contains("access_token=")) {
            return error(400, 100, null, "OAuthException", "The simulator refuses an access token in the URL.");
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return error(400, 2500, null, "OAuthException", "An active access token must be used to query information about the current user.");
        }
        String token = authorization.substring("Bearer ".length());
        if (!constantTimeEquals(token, accessToken)) {
            return error(400, 190, 463, "OAuthException", "Error validating access token: The session is invalid.");
        }
        if (appSecret != null) {
            String proof = queryParameter(request.query(), "appsecret_proof");
            if (proof == null) {
                return error(400, 100, null, "GraphMethodException", "API calls from the server require an appsecret_proof argument");
            }
            if (!constantTimeEquals(proof, proofOf(token))) {
                return error(400, 100, null, "GraphMethodException", "Invalid appsecret_proof provided in the API argument");
            }
        }
        return null;
    }

    private Answer error(int status, int code, Integer subcode, String type, String message) throws IOException {
        return new Answer(status, errorBody(code, subcode, false, type, message), Map.of(), false);
    }

    private void sendError(HttpExchange exchange, int status, int code, Integer subcode, boolean isTransient, String type,
                           String message, Map<String, String> headers) throws IOException {
        send(exchange, status, errorBody(code, subcode, isTransient, type, message), "application/json", headers);
    }

    private byte[] errorBody(int code, Integer subcode, boolean isTransient, String type, String message) throws IOException {
        ObjectNode error = mapper.createObjectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (isTransient) {
            error.put("is_transient", true);
        }
        error.put("fbtrace_id", "AsimTrace" + ids.incrementAndGet());
        ObjectNode root = mapper.createObjectNode();
        root.set("error", error);
        return mapper.writeValueAsBytes(root);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String proofOf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
