package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the CamelContext with 200 sends in flight completes or fails each of them: none is silently dropped. */
class GracefulShutdownTest extends CamelTestSupport {

    private static final String TOKEN = "shutdown-token";
    private static final int IN_FLIGHT = 200;

    private final MessengerSimulator simulator = MessengerSimulator.start(TOKEN);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").to("messenger:send?accessToken=" + TOKEN + "&recipientId=1&baseUrl=" + simulator.baseUrl());
            }
        };
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    @Timeout(60)
    void stoppingTheContextLosesNoSendInFlight() throws Exception {
        simulator.latency(Duration.ofMillis(1500));
        context.getShutdownStrategy().setTimeout(30);
        ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<Exchange>> sends = new ArrayList<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(IN_FLIGHT);
        for (int i = 0; i < IN_FLIGHT; i++) {
            String text = "in-flight-" + i;
            sends.add(senders.submit(() -> {
                started.countDown();
                return template.send("direct:send", e -> e.getIn().setBody(text));
            }));
        }
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (context.getInflightRepository().size() < IN_FLIGHT && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int inFlightAtStop = context.getInflightRepository().size();

        context.stop();

        int completed = 0;
        int failed = 0;
        for (Future<Exchange> send : sends) {
            Exchange exchange = send.get(30, TimeUnit.SECONDS);
            if (exchange.getException() == null) {
                assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class)).isNotBlank();
                completed++;
            } else {
                failed++;
            }
        }
        senders.shutdown();
        Set<String> delivered = simulator.delivered().stream().map(r -> r.json().path("message").path("text").asText())
                .collect(Collectors.toSet());
        System.out.printf("SHUTDOWN sends=%d inFlightAtStop=%d completed=%d failed=%d delivered=%d%n", IN_FLIGHT,
                inFlightAtStop,
                completed, failed, delivered.size());
        assertThat(inFlightAtStop).as("sends in flight when the context stopped").isGreaterThan(IN_FLIGHT / 2);

        assertThat(completed + failed).isEqualTo(IN_FLIGHT);
        assertThat(delivered).as("every completed send was delivered, and nothing else was").hasSize(completed);
        assertThat(completed).as("graceful shutdown lets the sends in flight finish").isEqualTo(IN_FLIGHT);
    }
}
