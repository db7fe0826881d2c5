package io.github.camelmessenger.graph;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.ErrorCategory;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerRetryableException;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelmessenger.graph.ScriptedHttpServer.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every server answer ends in a success or a typed exception within responseTimeout: slow, empty, huge or malformed.
 * Each test plays one broken server.
 */
class BrokenAnswersTest extends MessengerTestSupport {

    private static final String OK = "{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}";

    private ScriptedHttpServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Exchange sendTo(ScriptedHttpServer.Script script, String options, Map<String, Object> headers) throws IOException {
        server = new ScriptedHttpServer(script);
        return send("messenger:send?accessToken=" + TOKEN + "&recipientId=1&baseUrl=" + server.baseUrl()
                + (options.isEmpty() ? "" : "&" + options), "hello", headers);
    }

    private static ScriptedHttpServer.Script answer(int status, String body) {
        return out -> write(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
    }

    @Test
    @Timeout(10)
    void headersTricklingInAreBoundedByResponseTimeout() throws IOException {
        long start = System.nanoTime();
        Exchange exchange = sendTo(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 100; i++) {
                out.flush();
                Thread.sleep(400);
                write(out, "X-Drip-" + i + ": 1\r\n");
            }
        }, "responseTimeout=1s", Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exchange.getException()).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("responseTimeout (1000 ms)");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    @Timeout(10)
    void bodyTricklingInIsBoundedByResponseTimeout() throws IOException {
        long start = System.nanoTime();
        Exchange exchange = sendTo(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + OK.length() + "\r\n\r\n");
            for (char c : OK.toCharArray()) {
                out.flush();
                Thread.sleep(400);
                out.write(c);
            }
        }, "responseTimeout=1s", Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exchange.getException()).isInstanceOf(SocketTimeoutException.class);
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).as("never a success").isNull();
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty body             | ''                               | with an empty body",
            "empty object           | {}                               | without a message_id",
            "recipient only         | {\"recipient_id\":\"1\"}         | without a message_id",
            "not JSON               | <html>ok</html>                  | not a JSON object",
            "truncated JSON         | {\"message_id\":\"m_                | not a JSON object",
            "a JSON array           | [1,2]                            | not a JSON object"})
    void aSuccessThatDoesNotConfirmTheMessageIsAnUnconfirmedError(String name, String body, String says) throws IOException {
        Exchange exchange = sendTo(answer(200, "''".equals(body) ? "" : body), "", Map.of());

        assertThat(exchange.getException()).isExactlyInstanceOf(MessengerApiException.class);
        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.UNCONFIRMED);
        assertThat(e.isRetryable()).as("it may have been delivered").isFalse();
        assertThat(e.getMessage()).contains(says).contains("unconfirmed");
    }

    @Test
    void aSenderActionIsConfirmedByAnyJsonObject() throws IOException {
        Exchange exchange = sendTo(answer(200, "{\"recipient_id\":\"1\"}"), "",
                Map.of(MessengerConstants.SENDER_ACTION, "typing_on"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.RECIPIENT_ID)).isEqualTo("1");
    }

    @Test
    void aSenderActionAnsweredWithAnEmptyBodyIsUnconfirmed() throws IOException {
        Exchange exchange = sendTo(answer(200, ""), "", Map.of(MessengerConstants.SENDER_ACTION, "typing_on"));

        assertThat(exchange.getException()).isInstanceOf(MessengerApiException.class);
        assertThat(((MessengerApiException) exchange.getException()).getCategory()).isEqualTo(ErrorCategory.UNCONFIRMED);
    }

    @Test
    @Timeout(20)
    void aHugeErrorBodyIsReadOnlyUpToItsLimitAndTheConnectionIsNotReused() throws IOException {
        long thirtyMb = 30L * 1024 * 1024;
        Exchange first = sendTo(out -> {
            write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: " + thirtyMb
                    + "\r\n\r\n");
            write(out, "{\"error\":{\"message\":\"");
            byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (long sent = 0; sent < thirtyMb - 64 * 1024; sent += chunk.length) {
                out.write(chunk);
            }
        }, "", Map.of());

        assertThat(first.getException()).isInstanceOf(MessengerRetryableException.class);
        MessengerApiException e = (MessengerApiException) first.getException();
        assertThat(e.getCategory()).as("classified by the HTTP status").isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(e.getMessage()).contains("over " + GraphClient.ERROR_BODY_LIMIT + " bytes").hasSizeLessThan(300);
        assertThat(server.bytesWritten()).as("the client stopped reading: the server could not write it all")
                .isLessThan(thirtyMb / 2);

        server.script(answer(200, OK));
        Exchange second = send("messenger:send?accessToken=" + TOKEN + "&recipientId=1&baseUrl=" + server.baseUrl(), "again",
                Map.of());
        assertThat(second.getException()).isNull();
        assertThat(server.connections()).as("the half-read connection was discarded, not reused").isEqualTo(2);
    }

    @Test
    void aLongGraphErrorMessageIsCappedInTheException() throws IOException {
        String message = "m".repeat(50_000);
        Exchange exchange = sendTo(
                answer(400, "{\"error\":{\"message\":\"" + message + "\",\"code\":100,\"fbtrace_id\":\"T\"}}"),
                "", Map.of());

        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).hasSizeLessThan(MessengerApiException.MAX_TEXT + 200).contains("49000 more characters");
        assertThat(e.getError().message()).hasSizeLessThan(MessengerApiException.MAX_TEXT + 50);
    }

    @Test
    void aSuccessBodyOverItsLimitIsUnconfirmed() throws IOException {
        Exchange exchange = sendTo(answer(200, "{\"message_id\":\"m_1\",\"padding\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}"),
                "", Map.of());

        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.UNCONFIRMED);
        assertThat(e.getMessage()).contains("over " + GraphClient.SUCCESS_BODY_LIMIT + " bytes");
    }

    @Test
    void isTransientMakesAKnownCodeRetryable() {
        simulator.enqueue(new Fault.GraphError(400, 100, null, true, "OAuthException", "(#100) Please retry", Map.of()));

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerRetryableException.class);
        assertThat(((MessengerApiException) exchange.getException()).getCategory()).isEqualTo(ErrorCategory.TRANSIENT);
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', value = {
            "-5          | ",
            "abc         | ",
            "0           | PT0S",
            "30          | PT30S",
            "9999999999  | PT24H"})
    void retryAfterIsIgnoredWhenNegativeOrUnreadableAndCappedWhenAbsurd(String header, String expected) {
        simulator.enqueue(new Fault.GraphError(429, 4, null, false, "OAuthException", "(#4) Too many calls",
                Map.of("Retry-After", header)));

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getRetryAfter().map(Duration::toString).orElse(null)).isEqualTo(expected);
    }

    @Test
    void aNegativeEstimatedTimeToRegainAccessIsIgnored() {
        simulator.enqueue(new Fault.GraphError(400, 80006, null, false, "OAuthException", "(#80006) throttled",
                Map.of("X-Business-Use-Case-Usage",
                        "{\"1\":[{\"type\":\"messenger\",\"estimated_time_to_regain_access\":-3}]}")));

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(((MessengerApiException) exchange.getException()).getRetryAfter()).isEmpty();
    }
}
