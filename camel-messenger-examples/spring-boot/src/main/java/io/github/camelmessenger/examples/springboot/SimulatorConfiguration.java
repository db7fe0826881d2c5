package io.github.camelmessenger.examples.springboot;

import io.github.camelmessenger.simulator.MessengerSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded Graph API simulator, on the port application.properties names, when messenger.simulator.enabled. */
@Configuration
@ConditionalOnProperty(name = "messenger.simulator.enabled", havingValue = "true")
public class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    public MessengerSimulator messengerSimulator(@Value("${messenger.simulator.token}") String token,
            @Value("${messenger.simulator.port}") int port) {
        return MessengerSimulator.startOnPort(token, port);
    }
}
