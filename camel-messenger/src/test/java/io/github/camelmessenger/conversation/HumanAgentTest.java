package io.github.camelmessenger.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.ErrorCategory;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.simulator.Fixtures;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.MessengerSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages written by people: a humanAgent endpoint answers within 24 hours of the person's last message as a
 * RESPONSE, up to 7 days with the HUMAN_AGENT tag, and refuses later ones before sending; the simulator enforces the
 * same windows for the people it saw write.
 */
class HumanAgentTest extends CamelTestSupport {

    private static final String PAGE = MessengerSimulator.DEFAULT_PAGE_ID;
    private static final String PSID = "1254477777772919";

    @RegisterExtension
    static MessengerSimulatorExtension messenger = new MessengerSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return messenger.configure(super.createCamelContext());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                String recipient = "?recipientId=" + PSID;
                from("direct:agent").to("messenger:send" + recipient + "&humanAgent=true");
                from("direct:instagram-agent").to("messenger:send" + recipient + "&humanAgent=true&platform=instagram");
                from("direct:tagged").to("messenger:send" + recipient + "&messagingType=MESSAGE_TAG&tag=HUMAN_AGENT");
                from("direct:bot").to("messenger:send" + recipient);
            }
        };
    }

    private Exchange send(String endpoint, Object body, Object lastUserMessage) {
        return template.send(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(MessengerConstants.LAST_USER_MESSAGE_TIME, lastUserMessage);
        });
    }

    private static long hoursAgo(long hours) {
        return Instant.now().minus(Duration.ofHours(hours)).toEpochMilli();
    }

    @ParameterizedTest(name = "{0} ({1} h after the last message)")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "direct:agent| 1| {'recipient':{'id':'1254477777772919'},'messaging_type':'RESPONSE','message':{'text':'On it'}}",
            "direct:agent| 30| {'recipient':{'id':'1254477777772919'},'messaging_type':'MESSAGE_TAG','tag':'HUMAN_AGENT','message':{'text':'On it'}}",
            "direct:agent| 167| {'recipient':{'id':'1254477777772919'},'messaging_type':'MESSAGE_TAG','tag':'HUMAN_AGENT','message':{'text':'On it'}}",
            "direct:instagram-agent| 30| {'recipient':{'id':'1254477777772919'},'messaging_type':'MESSAGE_TAG','tag':'HUMAN_AGENT','message':{'text':'On it'}}"
    })
    void theWindowOfTheLastMessageDecidesHowAPersonsMessageGoes(String endpoint, long hours, String expected) {
        Exchange exchange = send(endpoint, "On it", hoursAgo(hours));

        assertThat(exchange.getException()).isNull();
        assertThat(messenger.simulator().lastRequest().json()).isEqualTo(Fixtures.json(expected));
    }

    @Test
    void afterSevenDaysNothingIsSent() {
        Exchange exchange = send("direct:agent", "Sorry for the wait", hoursAgo(24 * 8));

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("tag");
            assertThat(e.getMessage()).contains("8 days", "7 days");
        });
        assertThat(messenger.simulator().requests()).isEmpty();
    }

    @Test
    void aHumanAgentTagOutsideItsWindowIsRefusedOnAnyEndpoint() {
        Exchange late = send("direct:tagged", "Late", hoursAgo(24 * 8));
        Exchange inTime = send("direct:tagged", "In time", hoursAgo(24 * 3));

        assertThat(late.getException()).isInstanceOf(MessengerValidationException.class);
        assertThat(inTime.getException()).isNull();
        assertThat(messenger.simulator().requests()).hasSize(1);
    }

    @Test
    void withoutTheTimeTheEndpointSendsAsConfigured() {
        Exchange exchange = send("direct:agent", "On it", null);

        assertThat(exchange.getException()).isNull();
        assertThat(messenger.simulator().lastRequest().json().path("messaging_type").asText()).isEqualTo("RESPONSE");
    }

    @Test
    void aTypedBodyKeepsItsOwnMessagingType() {
        SendRequest request = SendRequest.message(Recipient.id(PSID), Message.text("Your ticket was updated"))
                .withMessagingType(MessagingType.UPDATE);

        Exchange exchange = send("direct:agent", request, hoursAgo(2));

        assertThat(exchange.getException()).isNull();
        assertThat(messenger.simulator().lastRequest().json().path("messaging_type").asText()).isEqualTo("UPDATE");
    }

    @Test
    void theTimeMayBeAnInstantADateOrAnIsoString() {
        Instant thirtyHoursAgo = Instant.now().minus(Duration.ofHours(30));

        for (Object time : new Object[]{thirtyHoursAgo, Date.from(thirtyHoursAgo), thirtyHoursAgo.toString(),
                String.valueOf(thirtyHoursAgo.toEpochMilli())}) {
            assertThat(send("direct:agent", "On it", time).getException()).isNull();
            assertThat(messenger.simulator().lastRequest().json().path("tag").asText()).as(time.getClass().getSimpleName())
                    .isEqualTo("HUMAN_AGENT");
        }
        Exchange unreadable = send("direct:agent", "On it", "yesterday");
        assertThat(unreadable.getException()).isInstanceOfSatisfying(MessengerValidationException.class,
                e -> assertThat(e.getField()).isEqualTo(MessengerConstants.LAST_USER_MESSAGE_TIME));
    }

    @Test
    void theSimulatorRefusesABotsResponseOutsideTheWindowOfAPersonItSawWrite() {
        messenger.simulator().userSends(PAGE, PSID, "Anyone?", Duration.ofHours(30));

        Exchange bot = send("direct:bot", "Back to you", null);
        Exchange agent = send("direct:agent", "Back to you, I am Ada", hoursAgo(30));

        assertThat(bot.getException()).isInstanceOfSatisfying(MessengerApiException.class, e -> {
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.MESSAGING_WINDOW);
            assertThat(e.getErrorSubcode()).isEqualTo(2018278);
        });
        assertThat(agent.getException()).isNull();
    }
}
