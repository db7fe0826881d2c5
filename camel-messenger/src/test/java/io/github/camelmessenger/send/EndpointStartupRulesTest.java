package io.github.camelmessenger.send;

import io.github.camelmessenger.MessengerTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A misconfigured endpoint fails when its route starts, with a message that says what to set. */
class EndpointStartupRulesTest extends MessengerTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "messenger:send?recipientId=1                                         | accessToken",
            "messenger:send?accessToken=t&messagingType=MESSAGE_TAG               | needs the tag option",
            "messenger:send?accessToken=t&tag=HUMAN_AGENT                         | needs messagingType=MESSAGE_TAG",
            "messenger:send?accessToken=t&platform=whatsapp                       | platform",
            "messenger:download?accessToken=t                                     | Unknown messenger operation 'download'",
            "messenger:upload?recipientId=1                                       | accessToken",
            "messenger:send?accessToken=t&platform=instagram&messagingType=MESSAGE_TAG  | needs the tag option"})
    void misconfiguredEndpointFailsAtStartup(String uri, String expectedMessage) {
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            context.getRouteController().startAllRoutes();
        }).hasStackTraceContaining(expectedMessage);
    }

    @Test
    void webhookWithoutVerifyTokenOrAppSecretFailsAtStartup() {
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("messenger:webhook?appSecret=s").to("mock:x");
                }
            });
            context.getRouteController().startAllRoutes();
        }).hasStackTraceContaining("needs the verifyToken option");
    }

    @Test
    void webhookIsNotAProducer() {
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:start").to("messenger:webhook?verifyToken=v&appSecret=s");
                }
            });
            context.getRouteController().startAllRoutes();
        }).hasStackTraceContaining("is a consumer");
    }

    @Test
    void sendIsNotAConsumer() {
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from(sendUri("recipientId=1")).to("mock:x");
                }
            });
        }).hasStackTraceContaining("is a producer");
        assertThat(simulator.requests()).isEmpty();
    }
}
