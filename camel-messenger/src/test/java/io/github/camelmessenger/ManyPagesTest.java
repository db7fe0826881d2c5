package io.github.camelmessenger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.internal.graph.AppSecretProof;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One endpoint, many Pages: the CamelMessengerPageId header picks the Page of each call, its token comes from the
 * provider, then pageAccessTokens, then accessToken; appsecret_proof is that token's; one connection pool serves them
 * all.
 */
class ManyPagesTest extends CamelTestSupport {

    /** A second app of Page A (a helpdesk, say) with its own token for it. */
    private static final String OTHER_APP = "888877776666555";
    private static final String OTHER_APP_TOKEN = "token-of-another-app";
    private static final String APP_SECRET = "many-pages-app-secret";
    private static final String PAGE_A = "1111111111";
    private static final String PAGE_B = "2222222222";
    private static final String PAGE_C = "3333333333";
    private static final String TOKEN_A = "EAAtokenOfPageA";
    private static final String TOKEN_B = "EAAtokenOfPageB";
    private static final String TOKEN_C = "EAAtokenOfPageC";

    private static MessengerSimulator simulator;
    private final AtomicInteger providerCalls = new AtomicInteger();

    @BeforeAll
    static void startSimulator() {
        simulator = MessengerSimulator.builder().page(PAGE_A, TOKEN_A).page(PAGE_B, TOKEN_B).page(PAGE_C, TOKEN_C)
                .app(OTHER_APP, PAGE_A, OTHER_APP_TOKEN).appSecret(APP_SECRET).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        providerCalls.set(0);
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("otherApp", (PageAccessTokenProvider) pageId -> OTHER_APP_TOKEN);
        registry.bind("vault", (PageAccessTokenProvider) pageId -> {
            providerCalls.incrementAndGet();
            return PAGE_C.equals(pageId) ? TOKEN_C : null;
        });
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
                messenger.getConfiguration().setRecipientId("1254477777772919");
                from("direct:send").to("messenger:send");
                from("direct:vault").to("messenger:send?accessTokenProvider=#vault");
                from("direct:toD").toD("messenger:send?pageId=${header.page}");
                from("direct:other-app").to("messenger:send?accessTokenProvider=#otherApp");
            }
        };
    }

    private Exchange sendFrom(String endpoint, String page, String text) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setBody(text);
            if (page != null) {
                exchange.getMessage().setHeader(MessengerConstants.PAGE_ID, page);
            }
        });
    }

    @Test
    void twoPagesThroughOneEndpointEachWithItsOwnTokenAndProof() {
        assertThat(sendFrom("direct:send", PAGE_A, "from A").getException()).isNull();
        assertThat(sendFrom("direct:send", PAGE_B, "from B").getException()).isNull();

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).extracting(RecordedRequest::path).containsExactly("/v25.0/" + PAGE_A + "/messages",
                "/v25.0/" + PAGE_B + "/messages");
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN_A);
        assertThat(requests.get(0).query()).isEqualTo("appsecret_proof=" + AppSecretProof.of(APP_SECRET, TOKEN_A));
        assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN_B);
        assertThat(requests.get(1).query()).isEqualTo("appsecret_proof=" + AppSecretProof.of(APP_SECRET, TOKEN_B));
        assertThat(requests).allMatch(RecordedRequest::delivered);
    }

    @Test
    void aPageWithoutATokenIsRefusedBeforeAnyCall() {
        Exchange exchange = sendFrom("direct:send", "9999999999", "to nowhere");

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("9999999999").hasMessageNotContaining(TOKEN_A).hasMessageNotContaining(TOKEN_B);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void theProviderIsAskedForEveryCallThenTheMapThenAccessToken() {
        assertThat(sendFrom("direct:vault", PAGE_C, "one").getException()).isNull();
        assertThat(sendFrom("direct:vault", PAGE_C, "two").getException()).isNull();
        assertThat(sendFrom("direct:vault", PAGE_A, "the provider knows no A: the map does").getException()).isNull();

        assertThat(providerCalls).as("asked per exchange, nothing cached").hasValue(3);
        assertThat(simulator.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer " + TOKEN_C, "Bearer " + TOKEN_C, "Bearer " + TOKEN_A);
    }

    @Test
    void aTokenUsedForAnotherPageIsRefusedTheWayTheGraphApiDoes() {
        Exchange exchange = template.send("messenger:send?pageAccessTokens=#bad", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE_B);
        });

        assertThat(exchange.getException()).isInstanceOf(MessengerApiException.class);
        MessengerApiException e = (MessengerApiException) exchange.getException();
        assertThat(e.getCode()).isEqualTo(100);
        assertThat(e.getErrorSubcode()).isEqualTo(33);
    }

    @Test
    void anotherAppsEndpointTakesItsTokensFromItsOwnProviderBeforeTheComponentsMap() {
        // Page A is in the component's pageAccessTokens: only a provider (or a map) of the endpoint is asked before it
        Exchange exchange = sendFrom("direct:other-app", PAGE_A, "from the other app");

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + OTHER_APP_TOKEN);
        assertThat(simulator.lastRequest().query())
                .isEqualTo("appsecret_proof=" + AppSecretProof.of(APP_SECRET, OTHER_APP_TOKEN));
    }

    @Test
    void tenThousandPagesThroughToDShareOneConnectionPool() {
        MessengerComponent messenger = context.getComponent("messenger", MessengerComponent.class);
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            String page = String.valueOf(1_000_000 + i);
            Exchange exchange = template.send("direct:toD", e -> {
                e.getMessage().setHeader("page", page);
                e.getMessage().setHeader(MessengerConstants.SENDER_ACTION, "mark_seen");
            });
            if (exchange.getException() instanceof MessengerValidationException) {
                refused++;
            }
        }
        assertThat(refused).as("no token for any of these Pages").isEqualTo(10_000);
        assertThat(simulator.requests()).isEmpty();
        assertThat(messenger.connectionPools()).as("one pool for every endpoint and Page").isEqualTo(1);
    }

    @Override
    protected void doPostSetup() throws Exception {
        context.getRegistry().bind("bad", Map.of(PAGE_B, TOKEN_A));
    }
}
