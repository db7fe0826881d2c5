package io.github.camelmessenger.graph;

import java.util.Map;

import io.github.camelmessenger.MessengerHttpClientConfigurer;
import io.github.camelmessenger.MessengerTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With proxyHost/proxyPort the Graph call goes through the proxy (here the simulator plays the proxy); a camel-http
 * MessengerHttpClientConfigurer customizes the client.
 */
class ProxyTest extends MessengerTestSupport {

    @Test
    void requestGoesThroughTheConfiguredProxy() {
        int simulatorPort = Integer.parseInt(simulator.baseUrl().substring(simulator.baseUrl().lastIndexOf(':') + 1));

        // graph.example.invalid cannot resolve: only a proxy can carry this request
        Exchange exchange = send("messenger:send?recipientId=1&accessToken=" + TOKEN
                + "&baseUrl=http://graph.example.invalid&proxyHost=127.0.0.1&proxyPort=" + simulatorPort,
                "via proxy", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().path()).isEqualTo("/v25.0/me/messages");
        assertThat(simulator.lastRequest().header("Host")).isEqualTo("graph.example.invalid");
        assertThat(simulator.lastRequest().json().path("message").path("text").asText()).isEqualTo("via proxy");
    }

    @Test
    void proxyCredentialsAnswerTheProxyChallenge() {
        simulator.requireProxyAuthorization("bob", "s3cret");

        Exchange exchange = send(uriVia(simulatorPort()) + "&proxyAuthUsername=bob&proxyAuthPassword=s3cret", "x", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.delivered()).hasSize(1);
        assertThat(simulator.delivered().get(0).header("Proxy-Authorization")).startsWith("Basic ");
    }

    @Test
    void withoutProxyCredentialsTheChallengeFailsTheSend() {
        simulator.requireProxyAuthorization("bob", "s3cret");

        Exchange exchange = send(uriVia(simulatorPort()), "x", Map.of());

        assertThat(exchange.getException()).isNotNull();
        assertThat(simulator.delivered()).isEmpty();
    }

    @Test
    void httpClientConfigurerCustomizesTheClient() {
        MessengerHttpClientConfigurer configurer = builder -> builder.addRequestInterceptorFirst(
                (request, entity, context) -> request.addHeader("X-Egress-Tenant", "acme"));
        context.getRegistry().bind("egress", configurer);

        Exchange exchange = send(sendUri("recipientId=1&httpClientConfigurer=#egress"), "x", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().header("X-Egress-Tenant")).isEqualTo("acme");
    }

    private static int simulatorPort() {
        return Integer.parseInt(simulator.baseUrl().substring(simulator.baseUrl().lastIndexOf(':') + 1));
    }

    private static String uriVia(int proxyPort) {
        return "messenger:send?recipientId=1&accessToken=" + TOKEN
                + "&baseUrl=http://graph.example.invalid&proxyHost=127.0.0.1&proxyPort="
                + proxyPort;
    }
}
