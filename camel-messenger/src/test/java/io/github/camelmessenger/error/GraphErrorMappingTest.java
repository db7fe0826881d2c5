package io.github.camelmessenger.error;

import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each error family of the Send API error table, answered by the simulator, becomes the right category and class. */
class GraphErrorMappingTest extends MessengerTestSupport {

    @ParameterizedTest(name = "HTTP {0} code {1} subcode {2} transient {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            // status, code, subcode, is_transient, category
            "500, 1,     -,       false, TRANSIENT",
            "503, 2,     -,       false, TRANSIENT",
            "500, 1200,  -,       false, TRANSIENT",
            "400, 4,     -,       false, RATE_LIMIT",
            "400, 17,    -,       false, RATE_LIMIT",
            "400, 32,    -,       false, RATE_LIMIT",
            "400, 341,   -,       false, RATE_LIMIT",
            "400, 613,   -,       false, RATE_LIMIT",
            "400, 80001, -,       false, RATE_LIMIT",
            "400, 80006, -,       false, RATE_LIMIT",
            "400, 80014, -,       false, RATE_LIMIT",
            "400, 100,   -,       false, INVALID_REQUEST",
            "400, 100,   2018001, false, INVALID_REQUEST",
            "400, 100,   2018109, false, INVALID_REQUEST",
            "400, 100,   2018005, false, INVALID_REQUEST",
            "400, 100,   2018008, false, INVALID_REQUEST",
            "400, 100,   2018015, false, INVALID_REQUEST",
            "400, 100,   2018034, false, INVALID_REQUEST",
            "400, 10,    2018278, false, MESSAGING_WINDOW",
            "400, 10,    2018065, false, MESSAGING_WINDOW",
            "400, 10,    2018108, false, RECIPIENT_UNAVAILABLE",
            "400, 200,   1545041, false, RECIPIENT_UNAVAILABLE",
            "400, 551,   -,       false, RECIPIENT_UNAVAILABLE",
            "400, 190,   -,       false, AUTHENTICATION",
            "401, 190,   460,     false, AUTHENTICATION",
            "400, 210,   -,       false, AUTHENTICATION",
            "403, 200,   -,       false, PERMISSION",
            "403, 230,   -,       false, PERMISSION",
            "403, 3,     -,       false, PERMISSION",
            "403, 10,    -,       false, PERMISSION",
            "400, 368,   -,       false, POLICY",
            "400, 2022,  -,       false, POLICY",
            "400, 10,    1893063, false, POLICY",
            "400, 99999, -,       true,  TRANSIENT",
            "400, 99999, -,       false, UNKNOWN",
            "429, 99999, -,       false, RATE_LIMIT",
            "502, 99999, -,       false, TRANSIENT"})
    void graphErrorBecomesTheRightCategoryAndClass(int status, int code, Integer subcode, boolean isTransient,
            ErrorCategory expected) {
        simulator.enqueue(new Fault.GraphError(status, code, subcode, isTransient, "OAuthException", "boom", Map.of()));

        Exchange exchange = send(sendUri("recipientId=1"), "hello", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerApiException.class);
        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCategory()).isEqualTo(expected);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getErrorSubcode()).isEqualTo(subcode);
        assertThat(e.isTransient()).isEqualTo(isTransient);
        assertThat(e.isRetryable()).isEqualTo(expected.isRetryable());
        assertThat(e instanceof MessengerRetryableException).isEqualTo(expected.isRetryable());
        assertThat(exchange.getMessage().getBody()).as("the body is kept for a retry").isEqualTo("hello");
    }

    @Test
    void everyFieldOfTheGraphErrorIsExposed() {
        simulator.enqueue(new Fault.GraphError(400, 10, 2018278, false, "OAuthException",
                "(#10) This message is sent outside of allowed window.", Map.of("X-Page-Usage", "{\"call_count\":80}")));

        MessengerApiException e = (MessengerApiException) send(sendUri("recipientId=1"), "late", Map.of()).getException();

        assertThat(e.getType()).isEqualTo("OAuthException");
        assertThat(e.getFbtraceId()).startsWith("AsimTrace");
        assertThat(e.getMessage()).contains("MESSAGING_WINDOW", "code 10", "subcode 2018278", "outside of allowed window",
                e.getFbtraceId());
        assertThat(e.getUsageHeaders()).containsEntry("X-Page-Usage", "{\"call_count\":80}");
        assertThat(e.getRetryAfter()).isEmpty();
    }

    @Test
    void userTitleAndMessageAreExposed() {
        simulator.enqueue(Fault.graphError(400, 100, 2018001, "(#100) No matching user found"));
        MessengerApiException e = (MessengerApiException) send(sendUri("recipientId=1"), "x", Map.of()).getException();
        assertThat(e.getError().message()).isEqualTo("(#100) No matching user found");
    }

    @Test
    void rateLimitCarriesRetryAfterFromTheBusinessUseCaseUsageHeader() {
        simulator.enqueue(Fault.rateLimited(7));

        MessengerApiException e = (MessengerApiException) send(sendUri("recipientId=1"), "x", Map.of()).getException();

        assertThat(e).isInstanceOf(MessengerRetryableException.class);
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(e.getRetryAfter()).contains(Duration.ofMinutes(7));
        assertThat(e.getUsageHeaders()).containsKey("X-Business-Use-Case-Usage");
    }

    @Test
    void retryAfterHeaderWins() {
        simulator.enqueue(new Fault.GraphError(429, 4, null, false, "OAuthException", "(#4) Application request limit reached",
                Map.of("Retry-After", "42")));

        MessengerApiException e = (MessengerApiException) send(sendUri("recipientId=1"), "x", Map.of()).getException();

        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(42));
    }

    @Test
    void codeSentAsAStringIsReadAsANumber() {
        simulator.enqueue(
                new Fault.HttpStatus(400, "{\"error\":{\"message\":\"slow down\",\"code\":\"613\",\"error_subcode\":\"x\"}}"));

        MessengerApiException e = (MessengerApiException) send(sendUri("recipientId=1"), "x", Map.of()).getException();

        assertThat(e.getCode()).isEqualTo(613);
        assertThat(e.getErrorSubcode()).as("not a number: no subcode").isNull();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.RATE_LIMIT);
    }

    @Test
    void nonJsonErrorBodyIsClassifiedByStatus() {
        simulator.enqueue(Fault.httpStatus(503));

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerRetryableException.class);
        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(e.getCode()).isNull();
    }

    @Test
    void wrongTokenIsAnAuthenticationError() {
        Exchange exchange = send("messenger:send?accessToken=wrong-token&recipientId=1&baseUrl=" + simulator.baseUrl(), "x",
                Map.of());

        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCategory()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getCode()).isEqualTo(190);
    }
}
