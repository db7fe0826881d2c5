package io.github.camelmessenger.send;

import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that cannot become JSON used to throw StackOverflowError, an Error that escapes even
 * onException(Throwable.class): the SEDA consumer thread died and the exchange stayed in flight. Now it is a
 * MessengerValidationException the route handles, and the next message goes through.
 */
class SedaRouteSurvivesBadBodyTest extends MessengerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("seda:outbox").routeId("outbox")
                        .onException(Throwable.class).handled(true).to("mock:failed").end()
                        .to(sendUri("recipientId=1"))
                        .to("mock:sent");
            }
        };
    }

    @Test
    @Timeout(20)
    void aSelfContainingBodyLeavesTheSedaRouteAliveAndNothingInFlight() throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        MockEndpoint sent = getMockEndpoint("mock:sent");
        failed.expectedMessageCount(1);
        sent.expectedMessageCount(1);
        NotifyBuilder done = new NotifyBuilder(context).from("seda:outbox").whenDone(2).create();

        template.sendBody("seda:outbox", BodyShapeTest.selfContaining());
        template.sendBody("seda:outbox", "the next message");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(failed.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(MessengerValidationException.class);
        assertThat(context.getInflightRepository().size()).isZero();
        assertThat(simulator.requests()).singleElement()
                .satisfies(r -> assertThat(r.json().at("/message/text").asText()).isEqualTo("the next message"));
    }

}
