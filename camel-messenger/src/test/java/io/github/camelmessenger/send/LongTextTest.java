package io.github.camelmessenger.send;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.simulator.Fault;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** splitLongText=true: a text over the limit becomes several messages, in order, cut at sentence or word ends. */
class LongTextTest extends MessengerTestSupport {

    private static final String SENTENCE = "This sentence is here to make the text long enough to split. ";

    private static List<String> texts() {
        return simulator.requests().stream().map(r -> r.json().path("message").path("text").asText()).toList();
    }

    @Test
    void longTextIsSplitAtSentenceEndsAndSentInOrder() {
        String text = SENTENCE.repeat(80).strip();

        Exchange exchange = send(sendUri("recipientId=1&splitLongText=true"), text, Map.of());

        assertThat(exchange.getException()).isNull();
        List<String> parts = texts();
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(1999);
            assertThat(part).endsWith("split.");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text);
        List<?> ids = exchange.getMessage().getHeader(MessengerConstants.MESSAGE_IDS, List.class);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).isEqualTo(ids.get(2));
        assertThat(exchange.getMessage().getBody()).isEqualTo(text);
    }

    @Test
    void quickRepliesGoWithTheLastPart() {
        send(sendUri("recipientId=1&splitLongText=true"),
                Message.text(SENTENCE.repeat(40)).withQuickReplies(QuickReply.text("OK", "OK")).withMetadata("m"), Map.of());

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).json().path("message").has("quick_replies")).isFalse();
        assertThat(requests.get(1).json().path("message").path("quick_replies")).hasSize(1);
        assertThat(requests).allSatisfy(r -> assertThat(r.json().path("message").path("metadata").asText()).isEqualTo("m"));
    }

    @Test
    void wordsAreKeptWholeWithoutSentenceEnds() {
        String text = "word ".repeat(1000).strip();

        send(sendUri("recipientId=1&splitLongText=true"), text, Map.of());

        assertThat(texts()).allSatisfy(part -> assertThat(part).matches("word( word)*"));
        assertThat(String.join(" ", texts())).isEqualTo(text);
    }

    @Test
    void aTextWithoutSpacesIsCutBetweenCodePoints() {
        String text = "\ud83d\ude00".repeat(1500); // 3000 UTF-16 units, no space

        send(sendUri("recipientId=1&splitLongText=true"), text, Map.of());

        assertThat(texts()).hasSize(2);
        assertThat(String.join("", texts())).isEqualTo(text);
        assertThat(texts().get(0).length()).isEven();
    }

    @Test
    void instagramPartsAreAtMost1000Utf8Bytes() {
        String text = "caf\u00e9 ".repeat(500).strip(); // 2999 bytes

        send(sendUri("recipientId=1&splitLongText=true&platform=instagram"), text, Map.of());

        assertThat(texts()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(part -> assertThat(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(1000));
    }

    @Test
    void withoutTheOptionALongTextIsRejected() {
        Exchange exchange = send(sendUri("recipientId=1"), SENTENCE.repeat(40), Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void failurePartWayKeepsTheIdsOfThePartsSent() {
        simulator.enqueue(Fault.delay(java.time.Duration.ZERO), Fault.graphError(400, 551, null, "(#551) unavailable"));

        Exchange exchange = send(sendUri("recipientId=1&splitLongText=true"), SENTENCE.repeat(80), Map.of());

        assertThat(exchange.getException()).isNotNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_IDS, List.class)).hasSize(1);
        assertThat(simulator.delivered()).hasSize(1);
    }
}
