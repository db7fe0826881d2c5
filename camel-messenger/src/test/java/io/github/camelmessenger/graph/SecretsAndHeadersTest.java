package io.github.camelmessenger.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.internal.graph.AppSecretProof;
import io.github.camelmessenger.simulator.Fault;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token, the app secret and the proxy password never show in a URL, a log line, an exception or a toString. Logs
 * are captured at DEBUG for Camel and TRACE for this component: Camel core's own TRACE lines print raw endpoint URIs
 * while it resolves them, which no component can prevent; run Camel core below TRACE in production.
 */
class SecretsAndHeadersTest extends MessengerTestSupport {

    private static final String APP_SECRET = "appSecretValue0123456789";
    private static final String PROXY_PASSWORD = "proxyPassw0rdValue";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        ((Logger) LoggerFactory.getLogger("org.apache.camel")).setLevel(Level.DEBUG);
        ((Logger) LoggerFactory.getLogger("io.github.camelmessenger")).setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("org.apache.hc")).setLevel(Level.INFO);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogs() {
        root.detachAppender(logs);
        root.setLevel(previousLevel);
        ((Logger) LoggerFactory.getLogger("org.apache.camel")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.github.camelmessenger")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.apache.hc")).setLevel(Level.WARN);
    }

    @Test
    void tokenTravelsOnlyInTheAuthorizationHeader() {
        send(sendUri("recipientId=1"), "x", Map.of());

        RecordedRequest request = simulator.lastRequest();
        assertThat(request.uri()).doesNotContain(TOKEN);
        assertThat(request.bodyAsString()).doesNotContain(TOKEN);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void appSecretProofIsSentAndAcceptedAndTheSecretIsNot() {
        try (MessengerSimulator strict = MessengerSimulator.start(TOKEN, APP_SECRET)) {
            Exchange exchange = send("messenger:send?recipientId=1&accessToken=" + TOKEN + "&appSecret=" + APP_SECRET
                    + "&baseUrl=" + strict.baseUrl(), "x", Map.of());

            assertThat(exchange.getException()).isNull();
            RecordedRequest request = strict.lastRequest();
            assertThat(request.query()).isEqualTo("appsecret_proof=" + AppSecretProof.of(APP_SECRET, TOKEN));
            assertThat(request.uri()).doesNotContain(TOKEN).doesNotContain(APP_SECRET);
            assertThat(request.headers().toString()).doesNotContain(APP_SECRET);
        }
    }

    @Test
    void appSecretProofIsTheDocumentedHmac() {
        // RFC 4231 test case 2: HMAC-SHA256(key = "Jefe", data = "what do ya want for nothing?")
        assertThat(AppSecretProof.of("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
                .isEqualTo(hmacReference("Jefe", "what do ya want for nothing?"));
    }

    private static String hmacReference(String key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void missingProofIsRefusedBySimulatorLikeTheGraphApi() {
        try (MessengerSimulator strict = MessengerSimulator.start(TOKEN, APP_SECRET)) {
            Exchange exchange = send("messenger:send?recipientId=1&accessToken=" + TOKEN + "&baseUrl=" + strict.baseUrl(), "x",
                    Map.of());

            assertThat(exchange.getException()).hasMessageContaining("appsecret_proof");
            assertThat(strict.delivered()).isEmpty();
        }
    }

    @Test
    void tokenEchoedByTheGraphApiIsRedactedFromTheException() {
        simulator.enqueue(Fault.graphError(400, 190, null, "Malformed access token " + TOKEN));

        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(exchange.getException().getMessage()).contains("Malformed access token").doesNotContain(TOKEN);
        assertThat(exchange.getException().toString()).doesNotContain(TOKEN);
    }

    @Test
    void noSecretInLogsEndpointUrisOrToString() throws Exception {
        String uri = "messenger:send?recipientId=1&accessToken=" + TOKEN + "&appSecret=" + APP_SECRET
                + "&proxyAuthUsername=bob&proxyAuthPassword=" + PROXY_PASSWORD + "&baseUrl=" + simulator.baseUrl();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:secrets").routeId("secrets").to(uri);
            }
        });
        template.send("direct:secrets", exchange -> exchange.getIn().setBody("x"));
        simulator.enqueue(Fault.graphError(400, 190, null, "Invalid OAuth access token."));
        template.send("direct:secrets", exchange -> exchange.getIn().setBody("y"));
        MessengerEndpoint endpoint = context.getEndpoints().stream()
                .filter(MessengerEndpoint.class::isInstance).map(MessengerEndpoint.class::cast).findFirst().orElseThrow();
        context.getRouteController().stopRoute("secrets");

        List<String> printed = new ArrayList<>();
        logs.list.forEach(event -> {
            printed.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                printed.add(event.getThrowableProxy().getMessage());
            }
        });
        printed.add(endpoint.toString());
        printed.add(endpoint.getConfiguration().toString());
        printed.add(context.getRoute("secrets").toString());
        printed.add(context.getRoute("secrets").getEndpoint().toString());

        assertThat(logs.list).as("the test must have captured Camel's own logging").isNotEmpty();
        assertThat(String.join("\n", printed)).doesNotContain(TOKEN).doesNotContain(APP_SECRET).doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void pageTokensStayOutOfLogsExceptionsAndToString() throws Exception {
        String pageToken = "EAApageTokenOfAnotherPage";
        context.getRegistry().bind("pageTokens", Map.of("5544332211", pageToken));
        String uri = "messenger:send?recipientId=1&pageAccessTokens=#pageTokens&appSecret=" + APP_SECRET + "&baseUrl="
                + simulator.baseUrl();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:pages").routeId("pages").to(uri);
            }
        });
        Exchange refused = template.send("direct:pages", exchange -> {
            exchange.getIn().setBody("for a Page the simulator does not know");
            exchange.getIn().setHeader(MessengerConstants.PAGE_ID, "5544332211");
        });
        Exchange unknown = template.send("direct:pages", exchange -> {
            exchange.getIn().setBody("for a Page without a token");
            exchange.getIn().setHeader(MessengerConstants.PAGE_ID, "1");
        });
        MessengerEndpoint endpoint = context.getEndpoints().stream().filter(MessengerEndpoint.class::isInstance)
                .map(MessengerEndpoint.class::cast).filter(e -> e.getConfiguration().getPageAccessTokens() != null).findFirst()
                .orElseThrow();

        List<String> printed = new ArrayList<>();
        logs.list.forEach(event -> printed.add(event.getFormattedMessage()));
        printed.add(String.valueOf(refused.getException()));
        printed.add(String.valueOf(unknown.getException()));
        printed.add(endpoint.toString());
        printed.add(endpoint.getConfiguration().toString());

        assertThat(refused.getException()).isNotNull();
        assertThat(unknown.getException()).hasMessageContaining("Page 1");
        assertThat(String.join("\n", printed)).doesNotContain(pageToken).doesNotContain(APP_SECRET);
    }

    @Test
    void noExchangeHeaderReachesTheGraphApi() {
        Map<String, Object> headers = new HashMap<>();
        headers.put("X-Custom-Header", "leak");
        headers.put("Authorization", "Bearer stolen");
        headers.put("CamelHttpUri", "http://127.0.0.1:1/evil");
        headers.put("CamelHttpPath", "/evil");
        headers.put("CamelHttpQuery", "access_token=leak");
        headers.put("Content-Type", "text/plain");
        headers.put("breadcrumbId", "crumb");
        headers.put(MessengerConstants.RECIPIENT_ID, "1");

        Exchange exchange = send(sendUri(""), "x", headers);

        assertThat(exchange.getException()).isNull();
        RecordedRequest request = simulator.lastRequest();
        assertThat(request.headers().keySet()).doesNotContain("x-custom-header", "breadcrumbid", "camelhttpuri",
                "camelmessengerrecipientid");
        assertThat(request.headers().toString()).doesNotContain("leak", "stolen", "crumb");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.path()).isEqualTo("/v25.0/me/messages");
        assertThat(request.query()).isNull();
    }
}
