package io.github.camelmessenger.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.UserProfile;
import io.github.camelmessenger.webhook.WebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;

/**
 * A contact center on one Page (docs/conversation-routing.md): a bot, the Page's primary receiver, answers first; when
 * the person asks for a person, it passes the conversation to the helpdesk app (a secondary receiver), which opens a
 * ticket with the person's profile; an agent answers as a persona, with the HUMAN_AGENT tag once the 24 hours are
 * over; when the agent is done the helpdesk releases the conversation and the bot answers again. While the helpdesk
 * has the conversation the bot gets the person's messages in standby, and only logs them.
 */
public class ContactCenterRoutes extends RouteBuilder {

    /** The bean of the helpdesk app's tokens: a {@code PageAccessTokenProvider}. */
    public static final String HELPDESK_TOKENS = "helpdeskTokens";

    /** The word with which a person asks the bot for a person. */
    static final String AGENT_KEYWORD = "agent";

    private final Helpdesk helpdesk;

    public ContactCenterRoutes(Helpdesk helpdesk) {
        this.helpdesk = helpdesk;
    }

    @Override
    public void configure() {
        // the helpdesk app's token for each Page, from its own provider: asked before the component's pageAccessTokens
        String helpdeskApp = "?accessTokenProvider=#" + HELPDESK_TOKENS;

        // @formatter:off
        // --- the bot (the Page's primary receiver: it answers every conversation nobody else has)
        from("messenger:webhook?webhookPath=/contact-center/bot&verifyToken={{messenger.verify-token}}"
                + "&appSecret={{messenger.app-secret}}").routeId("contact-center-bot")
            .filter(body().isInstanceOf(WebhookEvent.MessageEvent.class))
            .setHeader(MessengerConstants.RECIPIENT_ID, header(MessengerConstants.SENDER_ID))
            .choice()
                .when(header(MessengerConstants.STANDBY).isEqualTo(true))
                    // the helpdesk has this conversation: listen, never answer
                    .to("log:contact-center.bot-standby?showBody=false&showHeaders=false")
                .when(olderThan(Duration.ofHours(24)))
                    // a message a bot may no longer answer (Meta redelivers for up to 36 hours): people have 7 days
                    .setHeader(MessengerConstants.METADATA, constant("arrived after the 24-hour window"))
                    .to("messenger:passThreadControl?targetAppId={{contact-center.helpdesk-app-id}}")
                .when(asksForAnAgent())
                    .setBody(constant("Connecting you with a person from our team..."))
                    .to("messenger:send")
                    .setHeader(MessengerConstants.METADATA, constant("asked for an agent"))
                    .to("messenger:passThreadControl?targetAppId={{contact-center.helpdesk-app-id}}")
                .otherwise()
                    .setBody(constant("I'm the order bot: ask me about an order, or write 'agent' to talk to a person."))
                    .to("messenger:send")
            .end();

        // --- the helpdesk app (a secondary receiver), in front of the CRM
        from("messenger:webhook?webhookPath=/contact-center/helpdesk&verifyToken={{messenger.verify-token}}"
                + "&appSecret={{contact-center.helpdesk-app-secret}}").routeId("contact-center-helpdesk")
            .choice()
                .when(body().isInstanceOf(WebhookEvent.PassThreadControlEvent.class))
                    // a conversation for the helpdesk: a ticket with who the person is
                    .process(exchange -> exchange.getMessage().setHeader("reason",
                            exchange.getMessage().getBody(WebhookEvent.PassThreadControlEvent.class).metadata()))
                    .setHeader(MessengerConstants.RECIPIENT_ID, header(MessengerConstants.SENDER_ID))
                    .to("messenger:userProfile" + helpdeskApp)
                    .process(this::openTicket)
                .when(body().isInstanceOf(WebhookEvent.MessageEvent.class))
                    // in standby too: the helpdesk knows when the person last wrote before it has the ticket
                    .process(this::personWrote)
            .end();
        // @formatter:on

        // --- an agent answers: as a persona, and the window decides between RESPONSE and the HUMAN_AGENT tag
        from("direct:agent-reply").routeId("contact-center-agent-reply")
                .to("messenger:send" + helpdeskApp + "&humanAgent=true");

        // --- the agent is done: the conversation goes back to the bot
        from("direct:agent-done").routeId("contact-center-agent-done")
                .to("messenger:releaseThreadControl" + helpdeskApp);

        // --- the helpdesk's persona, created once
        from("direct:create-agent-persona").routeId("contact-center-persona")
                .to("messenger:personas" + helpdeskApp + "&action=create");
    }

    private static Predicate asksForAnAgent() {
        return exchange -> {
            String text = exchange.getMessage().getBody(WebhookEvent.MessageEvent.class).text();
            return text != null && text.toLowerCase(Locale.ROOT).contains(AGENT_KEYWORD);
        };
    }

    private static Predicate olderThan(Duration age) {
        return exchange -> {
            Long timestamp = exchange.getMessage().getHeader(MessengerConstants.TIMESTAMP, Long.class);
            return timestamp != null && Instant.ofEpochMilli(timestamp).isBefore(Instant.now().minus(age));
        };
    }

    private void openTicket(Exchange exchange) {
        helpdesk.open(exchange.getMessage().getHeader(MessengerConstants.SENDER_ID, String.class),
                exchange.getMessage().getBody(UserProfile.class), exchange.getMessage().getHeader("reason", String.class));
    }

    private void personWrote(Exchange exchange) {
        WebhookEvent.MessageEvent message = exchange.getMessage().getBody(WebhookEvent.MessageEvent.class);
        helpdesk.wrote(message.context().senderId(), message.text(), message.context().timestamp(),
                !message.context().standby());
    }
}
