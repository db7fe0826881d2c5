package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
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

/**
 * Rate limits: redelivery waits what the Graph API asks for, and the throttle recipe keeps a burst under the limit,
 * with a budget for each Page.
 */
class RateLimitRecipeTest extends CamelTestSupport {

    private static final String TOKEN = "rate-limit-token";
    private static final String PAGE_A = MessengerSimulator.DEFAULT_PAGE_ID;
    private static final String PAGE_B = "2233445566";
    private static final String TOKEN_B = "rate-limit-token-b";
    static final int BURST = 2_000;

    private final MessengerSimulator simulator = MessengerSimulator.builder().page(PAGE_A, TOKEN).page(PAGE_B, TOKEN_B)
            .start();
    private final Map<String, String> deadLetters = new ConcurrentHashMap<>();

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        context.getComponent("messenger", MessengerComponent.class).getConfiguration()
                .setPageAccessTokens(Map.of(PAGE_A, TOKEN, PAGE_B, TOKEN_B));
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

        burst(ReliableSendRoutes.SEND_THROTTLED, i -> null);

        assertThat(simulator.delivered()).hasSize(BURST);
        assertThat(simulator.rateLimitedCount()).as("613 answers").isZero();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    @Timeout(120)
    void throttleRecipeGivesEveryPageItsOwnBudget() throws Exception {
        simulator.metaRateLimits();

        burst(ReliableSendRoutes.SEND_THROTTLED, i -> i % 2 == 0 ? PAGE_A : PAGE_B);

        List<RecordedRequest> delivered = simulator.delivered();
        assertThat(delivered).hasSize(BURST);
        assertThat(delivered).filteredOn(r -> r.path().contains(PAGE_B)).hasSize(BURST / 2);
        assertThat(simulator.rateLimitedCount()).as("613 answers").isZero();
        assertThat(deadLetters).isEmpty();
        // one budget per Page: one budget lets at most 200 leave in any second, so 2,000 take at least 9 s; two budgets
        // send them in about 5 s
        Duration span = Duration.ofNanos(delivered.stream().mapToLong(RecordedRequest::receivedAtNanos).max().orElseThrow()
                - delivered.stream().mapToLong(RecordedRequest::receivedAtNanos).min().orElseThrow());
        assertThat(span).as("what a single budget could not do").isLessThan(Duration.ofSeconds(7));
    }

    @Test
    @Timeout(120)
    void withoutTheThrottleTheSameBurstIsRateLimited() throws Exception {
        simulator.metaRateLimits();

        burst(ReliableSendRoutes.SEND, i -> null);

        assertThat(simulator.rateLimitedCount()).as("613 answers: the limiter is real").isPositive();
    }

    /** Sends the burst from 64 threads, each message from the Page {@code pageOf} gives (null: the endpoint's). */
    private void burst(String endpoint, IntFunction<String> pageOf) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(64);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String text = "burst-" + i;
            String page = pageOf.apply(i);
            sends.add(senders.submit(() -> template.sendBodyAndHeader(endpoint, text, MessengerConstants.PAGE_ID, page)));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
        System.out.printf("THROTTLE endpoint=%s burst=%d delivered=%d rateLimited=%d%n", endpoint, BURST,
                simulator.delivered().size(), simulator.rateLimitedCount());
    }
}
