package io.github.camelmessenger.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;

/**
 * An in-process fake of the Graph API on loopback, for tests, examples and benchmarks: no network, no credentials. It
 * knows one or more Pages, each with its own token, checks the bearer token and {@code appsecret_proof}, applies the
 * Send API's request rules, answers with real Graph shapes (unique {@code message_id}s, error bodies with code,
 * subcode and fbtrace_id), records every request and injects {@link Fault}s. Nothing it does reaches beyond itself:
 * no system property, no static state.
 *
 * <pre>
 * try (MessengerSimulator simulator = MessengerSimulator.start("test-token")) {
 *     // to("messenger:send?accessToken=test-token&amp;baseUrl=" + simulator.baseUrl())
 *     simulator.requests();
 * }
 * </pre>
 *
 * In a JUnit 5 test, {@link MessengerSimulatorExtension} starts, resets and stops it.
 */
public final class MessengerSimulator implements AutoCloseable {

    /** The Page of {@link #start(String)}, and the id {@code me} resolves to for its token. */
    public static final String DEFAULT_PAGE_ID = "106540352242922";
    /**
     * The id of the simulator's own app, whose tokens {@link Builder#page(String, String)} gives: the primary receiver of
     * every Page (the app that answers a thread nobody controls).
     */
    public static final String APP_ID = "444455556666777";
    /** The Page Inbox's app id: a secondary receiver of every Page, the usual target of a handover to people. */
    public static final String PAGE_INBOX_APP_ID = SimulatedConversations.PAGE_INBOX_APP_ID;

    private final SimulatedPages pages;
    private final SimulatedGraph graph;
    private final MetaWebhooks webhooks = new MetaWebhooks();
    private final SimulatedConversations conversations;
    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong deliveredCount = new AtomicLong();
    private final SimulatorServer server;
    private final boolean tls;
    private volatile String proxyAuthorization;
    private volatile RateLimiter rateLimiter;
    private volatile boolean recording = true;

    private MessengerSimulator(Builder builder) {
        this.pages = new SimulatedPages(builder.principals, builder.appSecret);
        this.conversations = new SimulatedConversations(pages, webhooks);
        this.graph = new SimulatedGraph(pages, conversations);
        this.tls = builder.tls != null;
        this.server = new SimulatorServer(builder.port, builder.tls, this::handle);
    }

    /** Builds a simulator with several Pages, an app secret, TLS or a fixed port. */
    public static Builder builder() {
        return new Builder();
    }

    /** A simulator with one Page ({@link #DEFAULT_PAGE_ID}) whose token is {@code accessToken}, without appsecret_proof. */
    public static MessengerSimulator start(String accessToken) {
        return builder().page(DEFAULT_PAGE_ID, accessToken).start();
    }

    /** A simulator with one Page that, when {@code appSecret} is set, requires the proof of its token. */
    public static MessengerSimulator start(String accessToken, String appSecret) {
        return builder().page(DEFAULT_PAGE_ID, accessToken).appSecret(appSecret).start();
    }

    /** A simulator with one Page on a fixed loopback port (0 for any free one), for applications configured by properties. */
    public static MessengerSimulator startOnPort(String accessToken, int port) {
        return builder().page(DEFAULT_PAGE_ID, accessToken).port(port).start();
    }

    /** How a simulator is set up. */
    public static final class Builder {

        private final Map<String, SimulatedPages.Principal> principals = new LinkedHashMap<>();
        private String appSecret;
        private KeyManagerFactory tls;
        private int port;

        private Builder() {
        }

        /** A Page and its access token; a token acts only for its own Page, as on the Graph API. */
        public Builder page(String pageId, String accessToken) {
            principals.put(accessToken, new SimulatedPages.Principal(pageId, APP_ID));
            return this;
        }

        /**
         * Another app connected to {@code pageId} (a secondary receiver of its conversations, say a helpdesk), with its
         * own token for the Page: thread control decides which app answers a person.
         */
        public Builder app(String appId, String pageId, String accessToken) {
            principals.put(accessToken, new SimulatedPages.Principal(pageId, appId));
            return this;
        }

        /** Requires {@code appsecret_proof} for this app secret on every call. */
        public Builder appSecret(String secret) {
            this.appSecret = secret;
            return this;
        }

        /** Serves HTTPS with this key material, offering HTTP/2 and HTTP/1.1 by ALPN. */
        public Builder tls(KeyManagerFactory keyManagers) {
            this.tls = keyManagers;
            return this;
        }

        /** A fixed loopback port; 0 (the default) takes any free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public MessengerSimulator start() {
            if (principals.values().stream().noneMatch(principal -> APP_ID.equals(principal.appId()))) {
                throw new IllegalStateException("A simulator needs at least one page(pageId, accessToken)");
            }
            return new MessengerSimulator(this);
        }
    }

    /** The value for the endpoint's {@code baseUrl} option. */
    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + server.port();
    }

    /** The Pages it knows, with their tokens. */
    public Map<String, String> tokensByPage() {
        return pages.tokensByPage();
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
        faults.enqueue(newFaults);
        return this;
    }

    /**
     * From now on, each request without a queued fault gets one of {@code mix} with {@code probability}, drawn from a
     * random sequence seeded with {@code seed}.
     */
    public MessengerSimulator randomFaults(double probability, long seed, List<Fault> mix) {
        faults.random(probability, seed, mix);
        return this;
    }

    /** Every answer waits this long first, like the real Graph API's latency (without holding a thread). */
    public MessengerSimulator latency(Duration latency) {
        faults.latency(latency);
        return this;
    }

    /**
     * Plays an authenticating HTTP proxy: a request without {@code Proxy-Authorization: Basic} for these credentials
     * gets 407 with a Basic challenge (and is recorded, not delivered).
     */
    public MessengerSimulator requireProxyAuthorization(String user, String password) {
        this.proxyAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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

    /** A sender of signed webhook batches to a consumer at {@code url}, as Meta posts them. */
    public WebhookSender webhooks(String url, String appSecret) {
        return new WebhookSender(url, appSecret);
    }

    /**
     * Plays Meta's side of a webhook: POSTs {@code json} to {@code url} signed with {@code X-Hub-Signature-256} for
     * {@code appSecret}, and returns the HTTP status the consumer answered.
     */
    public static int postWebhook(String url, String appSecret, String json) {
        return new WebhookSender(url, appSecret).post(json);
    }

    /** A Messenger webhook batch with one text message from {@code psid} to {@code pageId}, as Meta sends it. */
    public static String textMessageEvent(String pageId, String psid, String mid, String text) {
        return Fixtures.textMessageEvent(pageId, psid, mid, text);
    }

    // --- Meta's side of the conversations

    /**
     * Subscribes {@code appId}'s webhook: from now on the simulator, playing Meta, posts that app's events to
     * {@code url}, signed with {@code appSecret}: the person's messages ({@code standby[]} when another app controls the
     * thread) and the {@code messaging_handovers} events of thread control.
     */
    public MessengerSimulator subscribe(String appId, String url, String appSecret) {
        webhooks.subscribe(appId, url, appSecret);
        return this;
    }

    /** {@link #subscribe(String, String, String)} for the simulator's own app ({@link #APP_ID}). */
    public MessengerSimulator subscribe(String url, String appSecret) {
        return subscribe(APP_ID, url, appSecret);
    }

    /**
     * A person writes to the Page now: the app that controls the thread gets the message, every other subscribed app
     * of the Page gets it in standby. Returns once every webhook answered; returns the message's mid.
     */
    public String userSends(String pageId, String psid, String text) {
        return conversations.userSends(pageId, psid, text, conversations.now());
    }

    /**
     * A person wrote to the Page {@code ago}: as {@link #userSends(String, String, String)}, with the event's time (and
     * the messaging window it opened) that long ago.
     */
    public String userSends(String pageId, String psid, String text, Duration ago) {
        return conversations.userSends(pageId, psid, text, conversations.now().minus(ago));
    }

    /** The app that answers the thread of {@code psid}: its controller, or the primary receiver while it is idle. */
    public String threadOwner(String pageId, String psid) {
        return conversations.ownerOf(pageId, psid);
    }

    /** Makes {@code appId} the primary receiver of the Page; every subscribed app gets an {@code app_roles} event. */
    public MessengerSimulator assignPrimaryReceiver(String pageId, String appId) {
        conversations.assignPrimaryReceiver(pageId, appId);
        return this;
    }

    /** The profile the User Profile API answers for {@code psid} (field name to value). */
    public MessengerSimulator userProfile(String psid, Map<String, Object> fields) {
        conversations.profile(psid, fields);
        return this;
    }

    /** {@code psid} has no profile (an account made with a phone number): error 2018218, as Meta answers. */
    public MessengerSimulator noUserProfile(String psid) {
        conversations.noProfile(psid);
        return this;
    }

    /** Whether the app may read profiles (Business Asset User Profile Access); without it, permission error 200. */
    public MessengerSimulator userProfileAccess(boolean granted) {
        conversations.profileAccess(granted);
        return this;
    }

    /** Every webhook batch the simulator posted, in order. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Waits until the simulator has posted every webhook event it has queued (at most 10 s). */
    public MessengerSimulator awaitWebhooks() {
        webhooks.awaitIdle(Duration.ofSeconds(10));
        return this;
    }

    /**
     * Forgets the recorded requests, the queued faults, the latency, the rate limits, the proxy credentials, the
     * conversations (thread owners, personas, profiles, message times) and the webhook deliveries; subscriptions stay.
     */
    public void reset() {
        conversations.reset();
        webhooks.reset();
        requests.clear();
        received.set(0);
        deliveredCount.set(0);
        faults.reset();
        proxyAuthorization = null;
        rateLimiter = null;
    }

    @Override
    public void close() {
        server.close();
        webhooks.close();
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

    private void handle(SimulatorServer.Exchange exchange) {
        RecordedRequest recorded = new RecordedRequest(exchange.method(), exchange.path(), exchange.query(), exchange.headers(),
                exchange.body(), false, null, exchange.receivedAtNanos(), exchange.protocol());
        SimulatorServer.Reply reply = exchange.reply();
        String requiredProxyAuthorization = proxyAuthorization;
        if (requiredProxyAuthorization != null && !requiredProxyAuthorization.equals(recorded.header("Proxy-Authorization"))) {
            record(recorded.withOutcome(false, "ProxyAuthenticationRequired"));
            reply.send(407, new byte[0], "text/plain", Map.of("Proxy-Authenticate", "Basic realm=\"simulator\""));
            return;
        }
        Fault fault = faults.next();
        long delay = faults.latencyMillis() + (fault instanceof Fault.Delay extra ? extra.delay().toMillis() : 0);
        reply.after(delay, () -> answer(recorded, fault instanceof Fault.Delay ? null : fault, reply));
    }

    private void answer(RecordedRequest recorded, Fault fault, SimulatorServer.Reply reply) {
        String faultName = fault == null ? null : fault.getClass().getSimpleName();
        if (fault instanceof Fault.ConnectionReset) {
            record(recorded.withOutcome(false, faultName));
            reply.drop();
            return;
        }
        if (fault instanceof Fault.HttpStatus status) {
            record(recorded.withOutcome(false, faultName));
            reply.send(status.status(), status.body().getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
            return;
        }
        if (fault instanceof Fault.GraphError error) {
            record(recorded.withOutcome(false, faultName));
            reply.send(error.status(),
                    SimulatedGraph.errorBody(error.code(), error.subcode(), error.isTransient(), error.type(),
                            error.message()),
                    "application/json", error.headers());
            return;
        }
        RateLimiter limiter = rateLimiter;
        if (limiter != null && !limiter.tryAcquire(recorded)) {
            record(recorded.withOutcome(false, "RateLimited"));
            reply.send(400, SimulatedGraph.errorBody(613, null, false, "OAuthException",
                    "(#613) Calls to this api have exceeded the rate limit."), "application/json",
                    Map.of("X-Business-Use-Case-Usage",
                            "{\"0\":[{\"type\":\"messenger\",\"call_count\":100,\"estimated_time_to_regain_access\":0}]}"));
            return;
        }
        SimulatedGraph.Answer answer = graph.answer(recorded);
        record(recorded.withOutcome(answer.delivered(), faultName));
        if (fault instanceof Fault.ResponseLost && answer.delivered()) {
            reply.drop();
            return;
        }
        reply.send(answer.status(), answer.body(), "application/json", answer.headers());
    }
}
