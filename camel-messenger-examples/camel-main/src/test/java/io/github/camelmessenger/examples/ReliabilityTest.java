package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

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
 * 10,000 messages through the documented retry route while the simulator injects 30% mixed faults: every message is
 * delivered or in the dead letter channel with its category; duplicates come only from lost responses, and are
 * counted. The figures are printed and quoted in docs/reliability.md.
 */
class ReliabilityTest extends CamelTestSupport {

    static final int MESSAGES = 10_000;
    /** Drawn per request; one kind in the mix is plain latency, so the share of real faults is 11/12 of it: 33%. */
    static final double FAULT_RATE = 0.36;
    static final long SEED = 20261125L;
    private static final String TOKEN = "reliability-token";

    private final MessengerSimulator simulator = MessengerSimulator.start(TOKEN);
    private final Map<String, String> deadLetters = new ConcurrentHashMap<>();

    static List<Fault> faultMix() {
        Map<String, String> regainNow = Map.of("X-Business-Use-Case-Usage",
                "{\"1\":[{\"type\":\"messenger\",\"call_count\":100,\"estimated_time_to_regain_access\":0}]}");
        return List.of(
                Fault.httpStatus(500),
                Fault.httpStatus(503),
                Fault.transientError(1200, "(#1200) Temporary send message failure. Please try again later."),
                Fault.transientError(2, "(#2) Service temporarily unavailable"),
                new Fault.GraphError(400, 613, null, false, "OAuthException",
                        "(#613) Calls to this api have exceeded the rate limit.",
                        regainNow),
                new Fault.GraphError(400, 80006, null, false, "OAuthException",
                        "(#80006) There have been too many messenger requests",
                        regainNow),
                new Fault.GraphError(400, 99999, null, true, "OAuthException", "An unexpected transient error", Map.of()),
                Fault.connectionReset(),
                Fault.responseLost(),
                Fault.delay(Duration.ofMillis(5)),
                // not retryable: these must land in the dead letter channel at once
                Fault.graphError(400, 551, null, "(#551) This person isn't available right now."),
                Fault.graphError(400, 10, 2018278, "(#10) This message is sent outside of allowed window."));
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        String messenger = "messenger:send?accessToken=" + TOKEN + "&recipientId=1&responseTimeout=5s&baseUrl="
                + simulator.baseUrl();
        return new RoutesBuilder[]{
                new ReliableSendRoutes(messenger, "direct:dead-letters", 6, Duration.ofMillis(1), Duration.ofMillis(50)),
                new RouteBuilder() {

                    @Override
                    public void configure() {
                        from("direct:dead-letters").process(e -> deadLetters.merge(e.getMessage().getBody(String.class),
                                e.getMessage().getHeader(DeadLetterHeaders.CATEGORY, String.class), (a, b) -> a + "," + b));
                    }
                }};
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    @Timeout(300)
    void everyMessageIsDeliveredOrDeadLetteredAndDuplicatesComeOnlyFromLostResponses() throws Exception {
        simulator.randomFaults(FAULT_RATE, SEED, faultMix());
        ExecutorService senders = Executors.newFixedThreadPool(32);
        List<Future<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            String text = "msg-" + i;
            sends.add(senders.submit(() -> template.sendBody(ReliableSendRoutes.SEND, text)));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<RecordedRequest> requests = simulator.requests();
        Map<String, List<RecordedRequest>> deliveredByText = requests.stream().filter(RecordedRequest::delivered)
                .collect(Collectors.groupingBy(r -> r.json().path("message").path("text").asText()));
        Set<String> inputs = new java.util.HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            inputs.add("msg-" + i);
        }

        // nothing unaccounted for
        Set<String> accounted = new java.util.HashSet<>(deliveredByText.keySet());
        accounted.addAll(deadLetters.keySet());
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(inputs);

        // every dead letter says why
        assertThat(deadLetters.values()).allSatisfy(category -> assertThat(category).isNotBlank().doesNotContain("null"));

        // a message delivered more than once, or delivered and dead-lettered, had its response lost
        int duplicates = 0;
        for (Map.Entry<String, List<RecordedRequest>> entry : deliveredByText.entrySet()) {
            long lost = entry.getValue().stream().filter(r -> "ResponseLost".equals(r.fault())).count();
            int extra = entry.getValue().size() - 1 + (deadLetters.containsKey(entry.getKey()) ? 1 : 0);
            assertThat(lost).as("lost responses of " + entry.getKey()).isGreaterThanOrEqualTo(extra);
            duplicates += entry.getValue().size() - 1;
        }
        long deliveredAndDeadLettered = deadLetters.keySet().stream().filter(deliveredByText::containsKey).count();

        Map<String, Long> faults = new TreeMap<>(requests.stream().filter(r -> r.fault() != null)
                .collect(Collectors.groupingBy(RecordedRequest::fault, Collectors.counting())));
        Map<String, Long> deadByCategory = new TreeMap<>(deadLetters.values().stream()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting())));
        long faulty = requests.stream().filter(r -> r.fault() != null && !"Delay".equals(r.fault())).count();
        System.out.printf("RELIABILITY messages=%d requests=%d faults=%d (%.1f%%) delivered=%d deadLetters=%d %s "
                + "duplicates=%d deliveredAndDeadLettered=%d unaccounted=0 took=%ds faultsByKind=%s%n",
                MESSAGES, requests.size(), faulty, 100.0 * faulty / requests.size(), deliveredByText.size(), deadLetters.size(),
                deadByCategory, duplicates, deliveredAndDeadLettered, took.toSeconds(), faults);

        assertThat((double) faulty / requests.size()).as("share of requests with an injected fault")
                .isGreaterThanOrEqualTo(0.30);
        assertThat(deadByCategory).containsKeys("RECIPIENT_UNAVAILABLE", "MESSAGING_WINDOW");
        assertThat(new HashMap<>(deadByCategory)).doesNotContainKey("VALIDATION");
    }
}
