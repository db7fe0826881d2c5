package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.internal.graph.AppSecretProof;
import io.github.camelmessenger.simulator.Fixtures;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply route with no Page in it answers from the Page that received the message: the webhook sets
 * CamelMessengerPageId, and the producer takes that Page and its token.
 */
class ReplyFromReceivingPageTest extends WebhookTestSupport {

    private static final String PAGE_A = "106540352242922";
    private static final String TOKEN_A = "token-of-page-a";
    private static final String PAGE_B = "2233445566";
    private static final String TOKEN_B = "token-of-page-b";
    private static final String PSID = "1254477777772919";

    private static MessengerSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = MessengerSimulator.builder().page(PAGE_A, TOKEN_A).page(PAGE_B, TOKEN_B).appSecret(APP_SECRET).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                MessengerComponent messenger = getContext().getComponent("messenger", MessengerComponent.class);
                messenger.getConfiguration().setBaseUrl(simulator.baseUrl());
                messenger.getConfiguration().setAppSecret(APP_SECRET);
                messenger.getConfiguration().setPageAccessTokens(Map.of(PAGE_A, TOKEN_A, PAGE_B, TOKEN_B));
                from("messenger:webhook?verifyToken=" + VERIFY_TOKEN)
                        .setHeader(MessengerConstants.RECIPIENT_ID, header(MessengerConstants.SENDER_ID))
                        .transform().body(WebhookEvent.MessageEvent.class, message -> "You said: " + message.text())
                        .to("messenger:send");
            }
        };
    }

    @Test
    void eachReplyGoesOutFromThePageThatReceivedTheMessage() throws Exception {
        NotifyBuilder replied = new NotifyBuilder(context).whenCompleted(2).create();

        assertThat(postSigned("/messenger/webhook", Fixtures.textMessageEvent(PAGE_B, PSID, "m_1", "to B")).statusCode())
                .isEqualTo(200);
        assertThat(postSigned("/messenger/webhook", Fixtures.textMessageEvent(PAGE_A, PSID, "m_2", "to A")).statusCode())
                .isEqualTo(200);
        assertThat(replied.matches(10, TimeUnit.SECONDS)).isTrue();

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).extracting(RecordedRequest::path)
                .containsExactly("/v25.0/" + PAGE_B + "/messages", "/v25.0/" + PAGE_A + "/messages");
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN_B);
        assertThat(requests.get(0).query()).isEqualTo("appsecret_proof=" + AppSecretProof.of(APP_SECRET, TOKEN_B));
        assertThat(requests.get(0).json()).isEqualTo(Fixtures.json(
                "{'recipient':{'id':'" + PSID + "'},'messaging_type':'RESPONSE','message':{'text':'You said: to B'}}"));
        assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN_A);
        assertThat(requests).allMatch(RecordedRequest::delivered);
    }
}
