package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelmessenger.error.DeadLetterHeaders;
import io.github.camelmessenger.simulator.Fault;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits: redelivery waits what the Graph API asks for, and the throttle recipe keeps a burst under the limit. */
class RateLimitRecipeTest extends CamelTestSupport {

    private static final String TOKEN = "rate-limit-token";
    static final int BURST = 2_000;

    private final MessengerSimulator simulator = MessengerSimulator.start(TOKEN);
    private final Map<String, String> deadLetters = new ConcurrentHashMap<>();

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        String messenger = "messenger:send?accessToken=" + TOKEN + "&recipientId=1&baseUrl=" + simulator.baseUrl();
        return new RoutesBuilder[]{
                // a first delay of 1 ms: any longer wait can only come from the Graph API's answer
                new ReliableSendRoutes(messenger, "direct:dead-letters", 6, Duration.ofMillis(1), Duration.ofSeconds(30)),
                new RouteBuilder() {

                    @Override
                    public void configure() {
                        from("direct:dead-letters").process(e -> deadLetters.put(e.getMessage().getBody(String.class),
                                e.getMessage().getHeader(DeadLetterHeaders.CATEGORY, String.class)));
                    }
                }};
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    @Timeout(30)
    void redeliveryWaitsTheRetryAfterOfTheAnswer() {
        simulator.enqueue(new Fault.GraphError(429, 613, null, false, "OAuthException",
                "(#613) Calls to this api have exceeded the rate limit.",
                Map.of("Retry-After", "1")));

        template.sendBody(ReliableSendRoutes.SEND, "after the wait");

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).delivered()).isTrue();
        Duration waited = Duration.ofNanos(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos());
        assertThat(waited).as("the retry came after Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(deadLetters).isEmpty();
    }

    @Test
    @Timeout(30)
    void redeliveryWaitsTheEstimatedTimeToRegainAccess() {
        simulator.enqueue(Fault.rateLimited(1));

        long start = System.nanoTime();
        // 1 minute is more than the route's 30 s maximum: the message goes to the dead letter channel at once
        template.sendBody(ReliableSendRoutes.SEND, "regain in a minute");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(simulator.requests()).hasSize(1);
        assertThat(deadLetters).containsEntry("regain in a minute", "RATE_LIMIT");
    }

    @Test
    @Timeout(120)
    void throttleRecipeKeepsABurstUnderTheSimulatorsLimit() throws Exception {
        simulator.metaRateLimits();

        burst(ReliableSendRoutes.SEND_THROTTLED);

        assertThat(simulator.delivered()).hasSize(BURST);
        assertThat(simulator.rateLimitedCount()).as("613 answers").isZero();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    @Timeout(120)
    void withoutTheThrottleTheSameBurstIsRateLimited() throws Exception {
        simulator.metaRateLimits();

        burst(ReliableSendRoutes.SEND);

        assertThat(simulator.rateLimitedCount()).as("613 answers: the limiter is real").isPositive();
    }

    private void burst(String endpoint) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(64);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String text = "burst-" + i;
            sends.add(senders.submit(() -> template.sendBody(endpoint, text)));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
        System.out.printf("THROTTLE endpoint=%s burst=%d delivered=%d rateLimited=%d%n", endpoint, BURST,
                simulator.delivered().size(), simulator.rateLimitedCount());
    }
}
