package io.github.camelmessenger.conversation;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.ErrorCategory;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.simulator.Fixtures;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import io.github.camelmessenger.webhook.WebhookEvent;
import io.github.camelmessenger.webhook.WebhookTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thread control between two apps of one Page, the simulator playing Meta: the bot (the simulator's own app, the
 * primary receiver) and a helpdesk (a secondary receiver), each with its own token and its own webhook route. Every
 * operation is checked on what the simulator received, on who controls the thread afterwards, and on the typed event
 * the other app's webhook route got.
 */
class ThreadControlTest extends WebhookTestSupport {

    private static final String PAGE = MessengerSimulator.DEFAULT_PAGE_ID;
    private static final String PSID = "1254477777772919";
    private static final String BOT_TOKEN = "bot-token";
    private static final String HELPDESK_APP = "888877776666555";
    private static final String HELPDESK_TOKEN = "helpdesk-token";
    private static final String HELPDESK_SECRET = "helpdesk-secret";

    private MessengerSimulator simulator;

    @Override
    protected void doPreSetup() {
        simulator = MessengerSimulator.builder().page(PAGE, BOT_TOKEN).app(HELPDESK_APP, PAGE, HELPDESK_TOKEN).start();
    }

    @BeforeEach
    void subscribe() {
        simulator.subscribe(url("/bot"), APP_SECRET).subscribe(HELPDESK_APP, url("/helpdesk"), HELPDESK_SECRET);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                String bot = "?accessToken=" + BOT_TOKEN + "&baseUrl=" + simulator.baseUrl();
                String helpdesk = "?accessToken=" + HELPDESK_TOKEN + "&baseUrl=" + simulator.baseUrl();
                from("messenger:webhook?webhookPath=/bot&verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET)
                        .to("mock:bot");
                from("messenger:webhook?webhookPath=/helpdesk&verifyToken=" + VERIFY_TOKEN + "&appSecret=" + HELPDESK_SECRET)
                        .to("mock:helpdesk");
                from("direct:pass").to("messenger:passThreadControl" + bot + "&targetAppId=" + HELPDESK_APP);
                from("direct:take").to("messenger:takeThreadControl" + bot);
                from("direct:owner").to("messenger:threadOwner" + bot);
                from("direct:helpdesk-pass").to("messenger:passThreadControl" + helpdesk);
                from("direct:helpdesk-take").to("messenger:takeThreadControl" + helpdesk);
                from("direct:helpdesk-request").to("messenger:requestThreadControl" + helpdesk);
                from("direct:helpdesk-release").to("messenger:releaseThreadControl" + helpdesk);
                from("direct:helpdesk-owner").to("messenger:threadOwner" + helpdesk);
            }
        };
    }

    private Exchange call(String endpoint, Map<String, Object> headers) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setBody("the body stays");
            exchange.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, PSID);
            headers.forEach(exchange.getMessage()::setHeader);
        });
    }

    private MockEndpoint bot() {
        return getMockEndpoint("mock:bot");
    }

    private MockEndpoint helpdesk() {
        return getMockEndpoint("mock:helpdesk");
    }

    @Test
    void passingControlHandsTheThreadToTheHelpdeskWhichIsTold() throws Exception {
        helpdesk().expectedMessageCount(1);

        Exchange exchange = call("direct:pass", Map.of(MessengerConstants.METADATA, "wants a refund"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("the body stays");
        RecordedRequest request = simulator.lastRequest();
        assertThat(request.path()).isEqualTo("/v25.0/me/pass_thread_control");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(request.json()).isEqualTo(Fixtures.json(
                "{'recipient':{'id':'" + PSID + "'},'target_app_id':'" + HELPDESK_APP + "','metadata':'wants a refund'}"));
        assertThat(simulator.threadOwner(PAGE, PSID)).isEqualTo(HELPDESK_APP);
        helpdesk().assertIsSatisfied();
        Exchange event = helpdesk().getReceivedExchanges().get(0);
        assertThat(event.getMessage().getHeader(MessengerConstants.EVENT_TYPE)).isEqualTo("pass_thread_control");
        assertThat(event.getMessage().getBody()).isEqualTo(new WebhookEvent.PassThreadControlEvent(
                event.getMessage().getBody(WebhookEvent.class).context(), HELPDESK_APP, MessengerSimulator.APP_ID,
                "wants a refund"));
    }

    @Test
    void afterAHandoverThePersonsMessagesReachTheHelpdeskAndTheBotOnlyInStandby() throws Exception {
        call("direct:pass", Map.of());
        simulator.awaitWebhooks();
        helpdesk().reset();
        helpdesk().expectedMessageCount(1);
        bot().expectedMessageCount(1);

        simulator.userSends(PAGE, PSID, "Hello, is anybody there?");

        helpdesk().assertIsSatisfied();
        bot().assertIsSatisfied();
        assertThat(helpdesk().getReceivedExchanges().get(0).getMessage().getHeader(MessengerConstants.STANDBY))
                .isEqualTo(false);
        assertThat(bot().getReceivedExchanges().get(0).getMessage().getHeader(MessengerConstants.STANDBY)).isEqualTo(true);
        assertThat(bot().getReceivedExchanges().get(0).getMessage().getBody(WebhookEvent.MessageEvent.class).text())
                .isEqualTo("Hello, is anybody there?");
    }

    @Test
    void threadOwnerNamesTheControllingApp() {
        assertThat(call("direct:owner", Map.of()).getMessage().getHeader(MessengerConstants.THREAD_OWNER_APP_ID))
                .as("an idle thread is answered by the primary receiver").isEqualTo(MessengerSimulator.APP_ID);
        call("direct:pass", Map.of());

        Exchange exchange = call("direct:owner", Map.of());

        assertThat(exchange.getMessage().getHeader(MessengerConstants.THREAD_OWNER_APP_ID)).isEqualTo(HELPDESK_APP);
        assertThat(simulator.lastRequest().path()).isEqualTo("/v25.0/me/thread_owner");
        assertThat(simulator.lastRequest().query()).isEqualTo("recipient=" + PSID);
    }

    @Test
    void thePrimaryReceiverTakesControlBackAndTheHelpdeskIsTold() throws Exception {
        call("direct:pass", Map.of());
        simulator.awaitWebhooks();
        helpdesk().reset();
        helpdesk().expectedMessageCount(1);

        Exchange exchange = call("direct:take", Map.of(MessengerConstants.METADATA, "the bot resumes"));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json())
                .isEqualTo(Fixtures.json("{'recipient':{'id':'" + PSID + "'},'metadata':'the bot resumes'}"));
        assertThat(simulator.threadOwner(PAGE, PSID)).isEqualTo(MessengerSimulator.APP_ID);
        helpdesk().assertIsSatisfied();
        WebhookEvent.TakeThreadControlEvent taken = helpdesk().getReceivedExchanges().get(0).getMessage()
                .getBody(WebhookEvent.TakeThreadControlEvent.class);
        assertThat(taken.previousOwnerAppId()).isEqualTo(HELPDESK_APP);
        assertThat(taken.newOwnerAppId()).isEqualTo(MessengerSimulator.APP_ID);
        assertThat(taken.metadata()).isEqualTo("the bot resumes");
    }

    @Test
    void aSecondaryReceiverRequestsControlFromThePrimary() throws Exception {
        bot().expectedMessageCount(1);

        Exchange exchange = call("direct:helpdesk-request", Map.of(MessengerConstants.METADATA, "agent Ada is free"));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().path()).isEqualTo("/v25.0/me/request_thread_control");
        bot().assertIsSatisfied();
        WebhookEvent.RequestThreadControlEvent request = bot().getReceivedExchanges().get(0).getMessage()
                .getBody(WebhookEvent.RequestThreadControlEvent.class);
        assertThat(request.requestedOwnerAppId()).isEqualTo(HELPDESK_APP);
        assertThat(request.metadata()).isEqualTo("agent Ada is free");
        assertThat(simulator.threadOwner(PAGE, PSID)).as("a request changes nothing by itself")
                .isEqualTo(MessengerSimulator.APP_ID);
    }

    @Test
    void theControllingAppReleasesTheThreadBackToIdle() {
        call("direct:pass", Map.of());

        Exchange exchange = call("direct:helpdesk-release", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json()).isEqualTo(Fixtures.json("{'recipient':{'id':'" + PSID + "'}}"));
        assertThat(simulator.threadOwner(PAGE, PSID)).isEqualTo(MessengerSimulator.APP_ID);
    }

    @Test
    void passingToAnAppThatIsNotAReceiverOfThePageIsRefused() {
        Exchange exchange = call("direct:pass", Map.of(MessengerConstants.TARGET_APP_ID, "123123123"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerApiException.class, e -> {
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.INVALID_REQUEST);
            assertThat(e.getCode()).isEqualTo(100);
        });
        assertThat(simulator.threadOwner(PAGE, PSID)).isEqualTo(MessengerSimulator.APP_ID);
    }

    @Test
    void passingToThePageInboxWorks() {
        Exchange exchange = call("direct:pass", Map.of(MessengerConstants.TARGET_APP_ID, MessengerConstants.PAGE_INBOX_APP_ID));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.threadOwner(PAGE, PSID)).isEqualTo(MessengerConstants.PAGE_INBOX_APP_ID);
    }

    @Test
    void takingControlWithoutThePrimaryRoleIsAPermissionError() {
        call("direct:take", Map.of());

        Exchange exchange = call("direct:helpdesk-take", Map.of());

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerApiException.class, e -> {
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.PERMISSION);
            assertThat(e.getCode()).isEqualTo(200);
        });
        assertThat(simulator.threadOwner(PAGE, PSID)).isEqualTo(MessengerSimulator.APP_ID);
    }

    @Test
    void anAppThatDoesNotControlTheThreadCannotPassReleaseOrReadItsOwner() {
        Exchange pass = call("direct:helpdesk-pass",
                Map.of(MessengerConstants.TARGET_APP_ID, MessengerConstants.PAGE_INBOX_APP_ID));
        Exchange release = call("direct:helpdesk-release", Map.of());
        Exchange owner = call("direct:helpdesk-owner", Map.of());

        for (Exchange refused : List.of(pass, release, owner)) {
            assertThat(refused.getException()).isInstanceOfSatisfying(MessengerApiException.class,
                    e -> assertThat(e.getCategory()).isEqualTo(ErrorCategory.PERMISSION));
        }
    }

    @Test
    void missingOrUnsafeInputIsRefusedBeforeAnyCall() {
        Exchange noTarget = template.send("messenger:passThreadControl?accessToken=" + BOT_TOKEN + "&baseUrl="
                + simulator.baseUrl(), e -> e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, PSID));
        Exchange badPsid = call("direct:take", Map.of(MessengerConstants.RECIPIENT_ID, "../me/messages"));
        Exchange longMetadata = call("direct:pass", Map.of(MessengerConstants.METADATA, "x".repeat(1001)));

        assertThat(noTarget.getException()).isInstanceOfSatisfying(MessengerValidationException.class,
                e -> assertThat(e.getField()).isEqualTo("target_app_id"));
        assertThat(badPsid.getException()).isInstanceOfSatisfying(MessengerValidationException.class,
                e -> assertThat(e.getField()).isEqualTo("recipient.id"));
        assertThat(longMetadata.getException()).isInstanceOfSatisfying(MessengerValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("metadata");
            assertThat(e.getActualSize()).isEqualTo(1001);
            assertThat(e.getLimit()).isEqualTo(1000);
        });
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void aNewPrimaryReceiverIsAnnouncedToEveryAppAsAppRoles() throws Exception {
        bot().expectedMessageCount(1);
        helpdesk().expectedMessageCount(1);

        simulator.assignPrimaryReceiver(PAGE, HELPDESK_APP);

        bot().assertIsSatisfied();
        helpdesk().assertIsSatisfied();
        WebhookEvent.AppRolesEvent roles = bot().getReceivedExchanges().get(0).getMessage()
                .getBody(WebhookEvent.AppRolesEvent.class);
        assertThat(roles.roles()).isEqualTo(Map.of(HELPDESK_APP, List.of("primary_receiver"), MessengerSimulator.APP_ID,
                List.of("secondary_receiver")));
        assertThat(bot().getReceivedExchanges().get(0).getMessage().getHeader(MessengerConstants.EVENT_TYPE))
                .isEqualTo("app_roles");
    }
}
