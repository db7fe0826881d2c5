package io.github.camelmessenger.examples.springboot;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Sends the example messages once the application is up, and prints what was sent and what came back. */
@Component
@ConditionalOnProperty(name = "messenger.example.send-on-startup", havingValue = "true")
public class StartupSends implements ApplicationRunner {

    private final ProducerTemplate template;
    private final ObjectProvider<MessengerSimulator> simulator;

    public StartupSends(ProducerTemplate template, ObjectProvider<MessengerSimulator> simulator) {
        this.template = template;
        this.simulator = simulator;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean ok = true;
        for (String route : new String[] { "sb-text", "sb-template" }) {
            Exchange exchange = template.send("direct:" + route, e -> { });
            System.out.println();
            System.out.println("== " + route);
            MessengerSimulator sim = simulator.getIfAvailable();
            if (sim != null && !sim.requests().isEmpty()) {
                System.out.println("   sent:     POST " + sim.lastRequest().path() + " " + sim.lastRequest().json());
            }
            if (exchange.getException() != null) {
                System.out.println("   FAILED:   " + exchange.getException());
                ok = false;
            } else {
                System.out.println("   received: message_id=" + exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID));
            }
        }
        System.out.println();
        System.out.println(ok ? "The Spring Boot example ran as expected." : "The Spring Boot example failed (see above).");
        if (!ok) {
            throw new IllegalStateException("The Spring Boot example failed");
        }
    }
}
