package io.github.camelmessenger.examples;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The example routes. The component is configured once (access token, recipient, base URL) through
 * {@code camel.component.messenger.*} properties, so each route only says what it sends.
 */
public class ExampleRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // 1. A String body is message.text
        from("direct:text").routeId("text")
                .setBody(constant("Hello from camel-messenger!"))
                .to("messenger:send");

        // 2. Quick replies: a typed Message body
        from("direct:quick-replies").routeId("quick-replies")
                .setBody(constant(Message.text("Which color do you like?")
                        .withQuickReplies(QuickReply.text("Red", "COLOR_RED"), QuickReply.text("Green", "COLOR_GREEN"),
                                QuickReply.userEmail())))
                .to("messenger:send");

        // 3. An image by URL: a String body plus the attachment type header
        from("direct:image").routeId("image")
                .setHeader(MessengerConstants.ATTACHMENT_TYPE, constant("image"))
                .setBody(constant("https://upload.wikimedia.org/wikipedia/commons/3/3a/Cat03.jpg"))
                .to("messenger:send");

        // 4. A typing indicator: a sender action header, the body is not sent
        from("direct:typing").routeId("typing")
                .setHeader(MessengerConstants.SENDER_ACTION, constant("typing_on"))
                .to("messenger:send");

        // 5. A tagged update outside the 24-hour window
        from("direct:tagged-update").routeId("tagged-update")
                .setBody(constant("Reminder: your event starts tomorrow at 9:00."))
                .to("messenger:send?messagingType=MESSAGE_TAG&tag=CONFIRMED_EVENT_UPDATE");

        // 6. A failing send handled by the route: the exception says what went wrong and whether a retry helps
        from("direct:failing").routeId("failing")
                .onException(MessengerApiException.class)
                .handled(true)
                .process(exchange -> {
                    MessengerApiException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, MessengerApiException.class);
                    exchange.getMessage().setHeader("failure", e);
                    exchange.getMessage().setBody("not sent: " + e.getCategory() + " code " + e.getCode()
                            + " subcode " + e.getErrorSubcode() + " retryable " + e.isRetryable()
                            + " fbtrace_id " + e.getFbtraceId());
                })
                .end()
                .setHeader(MessengerConstants.RECIPIENT_ID, constant("0"))
                .setBody(constant("This recipient does not exist"))
                .to("messenger:send");
    }
}
