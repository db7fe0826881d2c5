package io.github.camelmessenger.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** One endpoint shared by many threads: each send reaches the simulator exactly once, for the right recipient. */
class ConcurrentSendTest extends MessengerTestSupport {

    private static final int SENDS = 100;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").to(sendUri(""));
            }
        };
    }

    @Test
    @Timeout(60)
    void hundredConcurrentSendsAreEachRecordedOnceWithTheRightRecipient() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDS);
        try {
            List<Callable<Exchange>> sends = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                String recipient = "psid-" + i;
                sends.add(() -> template.send("direct:send", exchange -> {
                    exchange.getIn().setBody("message for " + recipient);
                    exchange.getIn().setHeader(MessengerConstants.RECIPIENT_ID, recipient);
                }));
            }
            List<Future<Exchange>> results = pool.invokeAll(sends);

            Set<String> messageIds = new java.util.HashSet<>();
            for (int i = 0; i < SENDS; i++) {
                Exchange exchange = results.get(i).get();
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getHeader(MessengerConstants.RECIPIENT_ID)).isEqualTo("psid-" + i);
                messageIds.add(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class));
            }
            assertThat(messageIds).hasSize(SENDS);
        } finally {
            pool.shutdownNow();
        }

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).hasSize(SENDS);
        Map<String, String> textByRecipient = requests.stream().collect(Collectors.toMap(
                r -> r.json().path("recipient").path("id").asText(),
                r -> r.json().path("message").path("text").asText()));
        assertThat(textByRecipient).hasSize(SENDS);
        textByRecipient.forEach((recipient, text) -> assertThat(text).isEqualTo("message for " + recipient));
    }
}
