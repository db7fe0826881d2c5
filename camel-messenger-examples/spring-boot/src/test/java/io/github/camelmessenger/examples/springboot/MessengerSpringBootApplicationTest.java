package io.github.camelmessenger.examples.springboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.NotificationType;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring Boot example boots with its application.properties and sends through the simulator. */
@SpringBootTest(classes = MessengerSpringBootApplication.class, properties = {"messenger.simulator.enabled=false",
        "messenger.example.send-on-startup=false"})
class MessengerSpringBootApplicationTest {

    static final MessengerSimulator SIMULATOR = MessengerSimulator.startOnPort("simulator-page-token", 0);

    @DynamicPropertySource
    static void simulatorUrl(DynamicPropertyRegistry registry) {
        // the one property the test changes: the simulator's port is chosen at random here
        registry.add("messenger.simulator.port", () -> SIMULATOR.baseUrl().substring(SIMULATOR.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void componentIsConfiguredFromApplicationProperties() {
        MessengerComponent messenger = camelContext.getComponent("messenger", MessengerComponent.class);

        assertThat(messenger.getConfiguration().getRecipientId()).isEqualTo("1254477777772919");
        assertThat(messenger.getConfiguration().getNotificationType()).isEqualTo(NotificationType.SILENT_PUSH);
        assertThat(messenger.getConfiguration().getResponseTimeout()).isEqualTo(15_000);
        assertThat(messenger.getConfiguration().getBaseUrl()).isEqualTo(SIMULATOR.baseUrl());
    }

    @Test
    void sendsThroughTheSimulator() throws Exception {
        Exchange exchange = template.send("direct:sb-text", e -> {
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class)).isNotBlank();
        assertThat(SIMULATOR.lastRequest().json()).isEqualTo(new ObjectMapper().readTree("""
                {"recipient":{"id":"1254477777772919"},"messaging_type":"RESPONSE","notification_type":"SILENT_PUSH",
                 "message":{"text":"Hello from the Spring Boot example!"}}"""));
        assertThat(SIMULATOR.lastRequest().header("Authorization")).isEqualTo("Bearer simulator-page-token");
    }

    @Test
    void sendsATemplate() {
        Exchange exchange = template.send("direct:sb-template", e -> {
        });

        assertThat(exchange.getException()).isNull();
        assertThat(SIMULATOR.lastRequest().json().path("message").path("attachment").path("payload").path("template_type")
                .asText())
                .isEqualTo("button");
    }
}
