package io.github.camelmessenger.error;

import java.io.IOException;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What DeadLetterHeaders writes beside a dead-lettered message, for each kind of failure. */
class DeadLetterHeadersTest {

    private static Exchange failedWith(Throwable failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody("the original message");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        new DeadLetterHeaders().process(exchange);
        return exchange;
    }

    @Test
    void graphErrorGivesCategoryCodeSubcodeAndTrace() {
        GraphError error = new GraphError(400, "(#10) outside the window", "OAuthException", 10, 2018278, false, null, null,
                "Atrace");

        Exchange exchange = failedWith(MessengerApiException.of(error, null, Map.of()));

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(DeadLetterHeaders.CATEGORY, "MESSAGING_WINDOW")
                .containsEntry(DeadLetterHeaders.CODE, 10)
                .containsEntry(DeadLetterHeaders.SUBCODE, 2018278)
                .containsEntry(DeadLetterHeaders.FBTRACE_ID, "Atrace");
        assertThat(exchange.getMessage().getHeader(DeadLetterHeaders.MESSAGE, String.class)).contains("outside the window");
        assertThat(exchange.getMessage().getBody()).isEqualTo("the original message");
    }

    @Test
    void validationAndTransportFailuresHaveTheirOwnCategory() {
        assertThat(failedWith(new MessengerValidationException("message.text", "message.text is empty"))
                .getMessage().getHeader(DeadLetterHeaders.CATEGORY)).isEqualTo("VALIDATION");
        assertThat(failedWith(new IOException("reset")).getMessage().getHeader(DeadLetterHeaders.CATEGORY))
                .isEqualTo("TRANSPORT");
        assertThat(failedWith(new IllegalStateException("?")).getMessage().getHeader(DeadLetterHeaders.CATEGORY))
                .isEqualTo("OTHER");
    }
}
