package io.github.camelmessenger.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot example: Camel Spring Boot configures the messenger component only from application.properties
 * ({@code camel.component.messenger.*}). By default it starts the embedded Graph API simulator, sends the example
 * messages once and stops; MESSENGER_ACCESS_TOKEN, MESSENGER_PAGE_ID and MESSENGER_RECIPIENT_ID switch it to the real
 * Graph API (with {@code messenger.simulator.enabled=false}).
 */
@SpringBootApplication
public class MessengerSpringBootApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(MessengerSpringBootApplication.class, args);
        // the example sends once and stops; with messenger.example.send-on-startup=false it keeps running as a service
        if (context.getEnvironment().getProperty("messenger.example.send-on-startup", Boolean.class, false)) {
            context.close();
        }
    }
}
