package io.github.camelmessenger.examples.springboot;

import io.github.camelmessenger.model.template.Button;
import io.github.camelmessenger.model.template.ButtonTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The routes: no option in the URIs, everything comes from application.properties. */
@Component
public class SpringBootRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:sb-text").routeId("sb-text")
                .setBody(constant("Hello from the Spring Boot example!"))
                .to("messenger:send");

        from("direct:sb-template").routeId("sb-template")
                .setBody(constant(ButtonTemplate.of("Configured by application.properties. Next?",
                        Button.postback("Tell me more", "MORE"), Button.webUrl("Docs", "https://camel.apache.org"))))
                .to("messenger:send");
    }
}
