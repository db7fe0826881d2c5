package io.github.camelmessenger.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML and XML DSL example routes, loaded by Camel's routes loader and run against the simulator. */
class DslRoutesTest extends CamelTestSupport {

    private static final String TOKEN = "dsl-token";
    private final MessengerSimulator simulator = MessengerSimulator.start(TOKEN);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        MessengerComponent messenger = context.getComponent("messenger", MessengerComponent.class);
        messenger.getConfiguration().setAccessToken(TOKEN);
        messenger.getConfiguration().setRecipientId("42");
        messenger.getConfiguration().setBaseUrl(simulator.baseUrl());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/messenger-routes.yaml"),
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/messenger-routes.xml"));
        return context;
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private JsonNode sent(String endpoint) throws Exception {
        Exchange exchange = template.send(endpoint, e -> {
        });
        assertThat(exchange.getException()).isNull();
        return simulator.lastRequest().json();
    }

    private static JsonNode json(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void yamlQuickReplies() throws Exception {
        assertThat(sent("direct:yaml-quick-replies")).isEqualTo(json("""
                {"recipient":{"id":"42"},"messaging_type":"RESPONSE","notification_type":"SILENT_PUSH",
                 "message":{"text":"Which color? (sent from YAML)","quick_replies":[
                   {"content_type":"text","title":"Red","payload":"COLOR_RED"},
                   {"content_type":"text","title":"Green","payload":"COLOR_GREEN"}]}}"""));
    }

    @Test
    void yamlTemplate() throws Exception {
        assertThat(sent("direct:yaml-template").path("message").path("attachment").path("payload").path("buttons")).hasSize(2);
    }

    @Test
    void xmlTypingIndicator() throws Exception {
        assertThat(sent("direct:xml-typing"))
                .isEqualTo(json("{\"recipient\":{\"id\":\"42\"},\"sender_action\":\"typing_on\"}"));
    }

    @Test
    void xmlTaggedUpdate() throws Exception {
        JsonNode request = sent("direct:xml-account-update");
        assertThat(request.path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
        assertThat(request.path("tag").asText()).isEqualTo("ACCOUNT_UPDATE");
        assertThat(request.path("message").path("text").asText()).startsWith("Your password was changed.");
    }
}
