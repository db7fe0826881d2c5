package io.github.camelmessenger.examples.springboot;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends the example messages once the application is up and logs what came back: message ids at INFO, the request
 * the simulator received at DEBUG (a payload; simplelogger.properties turns DEBUG on for this package).
 */
@Component
@ConditionalOnProperty(name = "messenger.example.send-on-startup", havingValue = "true")
public class StartupSends implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSends.class);

    private final ProducerTemplate template;
    private final ObjectProvider<MessengerSimulator> simulator;

    public StartupSends(ProducerTemplate template, ObjectProvider<MessengerSimulator> simulator) {
        this.template = template;
        this.simulator = simulator;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String route : new String[]{"sb-text", "sb-template"}) {
            Exchange exchange = template.send("direct:" + route, e -> {
            });
            MessengerSimulator sim = simulator.getIfAvailable();
            if (sim != null && !sim.requests().isEmpty()) {
                LOG.debug("{}: the simulator received POST {} {}", route, sim.lastRequest().path(), sim.lastRequest().json());
            }
            if (exchange.getException() != null) {
                throw new IllegalStateException("The Spring Boot example failed on route " + route, exchange.getException());
            }
            LOG.info("{}: sent, message_id={}", route, exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID));
        }
        LOG.info("The Spring Boot example ran as expected.");
    }
}
