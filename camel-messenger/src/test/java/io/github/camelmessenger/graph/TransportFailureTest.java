package io.github.camelmessenger.graph;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Transport failures surface promptly as IOExceptions, bounded by the timeouts; a send never hangs. */
class TransportFailureTest extends MessengerTestSupport {

    @Test
    @Timeout(10)
    void refusedConnectionFailsWithAnIOException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        long start = System.nanoTime();
        Exchange exchange = send(
                "messenger:send?accessToken=" + TOKEN + "&recipientId=1&connectTimeout=2s&baseUrl=http://127.0.0.1:"
                        + closedPort,
                "x", Map.of());

        assertThat(exchange.getException()).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(10)
    void serverSlowerThanResponseTimeoutFailsWithinTheTimeout() {
        simulator.enqueue(Fault.delay(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        Exchange exchange = send(sendUri("recipientId=1&responseTimeout=500ms"), "x", Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exchange.getException()).isInstanceOf(IOException.class);
        assertThat(exchange.getException().getClass().getName()).contains("Timeout");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    @Timeout(10)
    void connectionResetFailsWithAnIOException() {
        simulator.enqueue(Fault.connectionReset());

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(exchange.getException()).isInstanceOf(IOException.class);
        assertThat(simulator.delivered()).isEmpty();
    }

    @Test
    @Timeout(10)
    void lostResponseFailsAlthoughTheMessageWasDelivered() {
        simulator.enqueue(Fault.responseLost());

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(exchange.getException()).isInstanceOf(IOException.class);
        assertThat(simulator.delivered()).hasSize(1);
    }

    @Test
    @Timeout(10)
    void theClientDoesNotRetryByItself() {
        simulator.enqueue(Fault.connectionReset());

        send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(simulator.requests()).as("retries belong to the route").hasSize(1);
    }
}
