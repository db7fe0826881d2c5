package io.github.camelmessenger.examples;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The route of the README: tell a customer that their order shipped, with a POST_PURCHASE_UPDATE outside the
 * messaging window. docs/testing.md tests it against the simulator.
 */
public class OrderShippedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:order-shipped").routeId("order-shipped")
                .setHeader(MessengerConstants.RECIPIENT_ID, header("psid"))
                .setBody(simple("Your order ${body} has shipped."))
                .to("messenger:send?messagingType=MESSAGE_TAG&tag=POST_PURCHASE_UPDATE");
    }
}
