package io.github.camelmessenger.graph;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer health check reports whether the token is accepted, asking the Graph API at most once per interval. */
class HealthCheckTest extends MessengerTestSupport {

    private HealthCheck.Result check(String uri) throws Exception {
        // producer health checks are off by default in Camel: camel.health.producersEnabled=true turns them on
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:in").routeId("health").to(uri);
            }
        });
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        Optional<HealthCheck.Result> messenger = results.stream()
                .filter(r -> r.getCheck().getId().startsWith("messenger-")).findFirst();
        assertThat(messenger).as("a messenger producer health check in " + results).isPresent();
        return messenger.get();
    }

    @Test
    void validTokenIsUp() throws Exception {
        HealthCheck.Result result = check(sendUri("recipientId=1"));

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(simulator.lastRequest().method()).isEqualTo("GET");
        assertThat(simulator.lastRequest().path()).isEqualTo("/v25.0/me");
        assertThat(simulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void invalidTokenIsDownWithTheAuthenticationCategory() throws Exception {
        HealthCheck.Result result = check("messenger:send?accessToken=expired-token&baseUrl=" + simulator.baseUrl());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("messenger.category", "AUTHENTICATION").containsEntry("messenger.code",
                190);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain("expired-token"));
    }

    @Test
    void unreachableGraphIsDownWithTransport() throws Exception {
        HealthCheck.Result result = check("messenger:send?accessToken=t&connectTimeout=1s&baseUrl=http://127.0.0.1:1");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("messenger.category", "TRANSPORT");
    }

    @Test
    void everyConfiguredPageIsCheckedAndOneRefusedTokenMakesItDown() throws Exception {
        context.getRegistry().bind("pageTokens",
                Map.of(MessengerSimulator.DEFAULT_PAGE_ID, TOKEN, "5544332211", "revoked-token"));

        HealthCheck.Result result = check("messenger:send?pageAccessTokens=#pageTokens&baseUrl=" + simulator.baseUrl());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("messenger.pages", 2)
                .containsEntry("messenger.page." + MessengerSimulator.DEFAULT_PAGE_ID, "UP")
                .containsEntry("messenger.page.5544332211", "AUTHENTICATION");
        assertThat(simulator.requests()).extracting(r -> r.path()).containsExactlyInAnyOrder(
                "/v25.0/" + MessengerSimulator.DEFAULT_PAGE_ID, "/v25.0/5544332211");
        assertThat(result.getMessage())
                .hasValueSatisfying(m -> assertThat(m).contains("5544332211").doesNotContain("revoked-token"));
    }

    @Test
    void graphIsAskedAtMostOncePerInterval() throws Exception {
        check(sendUri("healthCheckInterval=1h"));
        HealthCheckHelper.invokeReadiness(context);
        HealthCheckHelper.invokeReadiness(context);

        assertThat(simulator.requests()).filteredOn(r -> r.method().equals("GET")).hasSize(1);
    }

    @Test
    void endpointShowsItsRemoteServiceLocation() {
        MessengerEndpoint endpoint = context.getEndpoint(sendUri("pageId=42"), MessengerEndpoint.class);

        assertThat(endpoint.getServiceUrl()).isEqualTo(simulator.baseUrl());
        assertThat(endpoint.getServiceProtocol()).isEqualTo("http");
        assertThat(endpoint.getServiceMetadata()).isEqualTo(Map.of("pageId", "42", "apiVersion", "v25.0"));
    }
}
