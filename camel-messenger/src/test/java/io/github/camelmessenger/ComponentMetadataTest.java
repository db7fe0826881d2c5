package io.github.camelmessenger;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated metadata ships with the component and describes every option and header. */
class ComponentMetadataTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in = ComponentMetadataTest.class
                .getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            assertThat(in).as("messenger.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode json = metadata();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                assertThat(entry.getValue().path("description").asText()).as(section + "." + entry.getKey()).isNotBlank();
            }
        }
    }

    @Test
    void contractOptionsAndHeadersAreListed() throws Exception {
        JsonNode json = metadata();
        assertThat(fieldNames(json.get("properties"))).contains("operation", "pageId", "accessToken", "appSecret",
                "recipientId",
                "messagingType", "notificationType", "tag", "personaId", "platform", "apiVersion", "baseUrl", "connectTimeout",
                "responseTimeout", "proxyHost", "proxyPort", "proxyAuthUsername", "proxyAuthPassword", "sslContextParameters");
        assertThat(fieldNames(json.get("componentProperties"))).contains("accessToken", "pageId", "baseUrl",
                "useGlobalSslContextParameters");
        assertThat(fieldNames(json.get("headers"))).contains(MessengerConstants.RECIPIENT_ID,
                MessengerConstants.RECIPIENT_USER_REF,
                MessengerConstants.RECIPIENT_POST_ID, MessengerConstants.RECIPIENT_COMMENT_ID,
                MessengerConstants.MESSAGING_TYPE,
                MessengerConstants.NOTIFICATION_TYPE, MessengerConstants.TAG, MessengerConstants.PERSONA_ID,
                MessengerConstants.SENDER_ACTION, MessengerConstants.METADATA, MessengerConstants.REPLY_TO,
                MessengerConstants.ATTACHMENT_TYPE, MessengerConstants.MESSAGE_ID, MessengerConstants.ATTACHMENT_ID);
        for (String secret : List.of("accessToken", "appSecret", "proxyAuthPassword")) {
            assertThat(json.get("properties").get(secret).get("secret").asBoolean()).as(secret).isTrue();
            assertThat(json.get("componentProperties").get(secret).get("secret").asBoolean()).as(secret).isTrue();
        }
    }

    @Test
    void generatedConfigurersAndUriFactoryAreFoundByCamel() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThat(context.getComponent("messenger")).isInstanceOf(MessengerComponent.class);
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("messenger-endpoint", context);
            assertThat(configurer).isNotNull();
            assertThat(configurer.getClass().getSimpleName()).isEqualTo("MessengerEndpointConfigurer");
            EndpointUriFactory factory = PluginHelper.getUriFactoryResolver(context).resolveFactory("messenger", context);
            assertThat(factory).isNotNull();
            String uri = factory.buildUri("messenger", Map.of("operation", "send", "pageId", "42", "accessToken", "t"));
            assertThat(uri).startsWith("messenger:send?").contains("pageId=42");
            assertThat(factory.secretPropertyNames()).contains("accessToken", "appSecret", "proxyAuthPassword");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
