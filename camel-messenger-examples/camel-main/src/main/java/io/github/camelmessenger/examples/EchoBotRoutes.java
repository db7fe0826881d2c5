package io.github.camelmessenger.examples;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.webhook.WebhookEvent;
import org.apache.camel.builder.RouteBuilder;

/**
 * An echo bot: every text a person writes to a Page comes back to them. The webhook consumer verifies and splits
 * Meta's calls; the reply is a RESPONSE to the sender, within the messaging window the person just opened, and it goes
 * out from the Page that received the message with no extra code: the event's CamelMessengerPageId header picks the
 * Page (and its token) of the send.
 */
public class EchoBotRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("messenger:webhook?verifyToken={{messenger.verify-token}}&appSecret={{messenger.app-secret}}").routeId("echo-bot")
                .filter(exchange -> exchange.getIn().getBody() instanceof WebhookEvent.MessageEvent message
                        && !message.isEcho() && message.text() != null)
                // reply to the person who wrote: the sender of the event is the recipient of the answer
                .setHeader(MessengerConstants.RECIPIENT_ID, header(MessengerConstants.SENDER_ID))
                .setHeader(MessengerConstants.MESSAGING_TYPE, constant(MessagingType.RESPONSE))
                .setHeader(MessengerConstants.REPLY_TO, header(MessengerConstants.MID))
                .transform().body(WebhookEvent.MessageEvent.class, message -> "You said: " + message.text())
                .to("messenger:send");
    }
}
