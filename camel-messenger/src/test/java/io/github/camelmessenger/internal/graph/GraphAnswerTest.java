package io.github.camelmessenger.internal.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry-After as an HTTP date (RFC 9110): the time until then, or nothing once it has passed. */
class GraphAnswerTest {

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(120).atZone(ZoneOffset.UTC));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(120).atZone(ZoneOffset.UTC));
        String inTwoDays = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(172_800).atZone(ZoneOffset.UTC));

        assertThat(GraphAnswer.parseRetryAfter(inTwoMinutes, now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(GraphAnswer.parseRetryAfter(past, now)).isNull();
        assertThat(GraphAnswer.parseRetryAfter(inTwoDays, now)).isEqualTo(GraphAnswer.MAX_RETRY_AFTER);
    }
}
