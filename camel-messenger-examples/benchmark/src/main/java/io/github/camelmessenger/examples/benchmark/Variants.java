package io.github.camelmessenger.examples.benchmark;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.template.Button;
import io.github.camelmessenger.model.template.ButtonTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The three contenders, each sending the same Send API request (a text, or a button template) to the same simulator.
 * <ul>
 * <li>A: {@code messenger:send} from a Camel route.</li>
 * <li>B: Apache HttpClient 5 posting the request JSON written by a Jackson ObjectMapper: the floor.</li>
 * <li>C: what a user writes without this component: camel-http and camel-jackson in a route.</li>
 * </ul>
 */
final class Variants {

    static final String TEXT = "Your order 4711 has shipped and will arrive tomorrow.";
    static final ButtonTemplate TEMPLATE = ButtonTemplate.of("Your order 4711 has shipped. What next?",
            Button.postback("Track it", "TRACK_4711"), Button.webUrl("Order page", "https://example.com/orders/4711"));

    private Variants() {
    }

    static Map<String, Object> templateMessage() {
        return Map.of("attachment", Map.of("type", "template", "payload", Map.of(
                "template_type", "button", "text", TEMPLATE.text(), "buttons", List.of(
                        Map.of("type", "postback", "title", "Track it", "payload", "TRACK_4711"),
                        Map.of("type", "web_url", "title", "Order page", "url", "https://example.com/orders/4711")))));
    }

    /** A: the component. */
    static Variant component(String baseUrl, boolean template) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:a").to("messenger:send?accessToken=" + SimulatorServer.TOKEN + "&baseUrl=" + baseUrl);
            }
        });
        context.start();
        ProducerTemplate producer = context.createProducerTemplate();
        Object body = template ? TEMPLATE : TEXT;
        return new Variant() {

            @Override
            public String name() {
                return "A messenger:send";
            }

            @Override
            public String send(String recipient) {
                Exchange exchange = producer.send("direct:a", e -> {
                    e.getIn().setBody(body);
                    e.getIn().setHeader(MessengerConstants.RECIPIENT_ID, recipient);
                });
                if (exchange.getException() != null) {
                    throw new IllegalStateException(exchange.getException());
                }
                return exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class);
            }

            @Override
            public void close() throws Exception {
                context.close();
            }
        };
    }

    /** B: the raw client, configured as the component configures its own (pool, timeouts, no retries). */
    static Variant rawHttpClient(String baseUrl, boolean template) {
        ObjectMapper mapper = new ObjectMapper();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(
                        PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(200).setMaxConnPerRoute(200).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableAutomaticRetries()
                .build();
        String uri = baseUrl + "/v25.0/me/messages";
        Object message = template ? templateMessage() : Map.of("text", TEXT);
        return new Variant() {

            @Override
            public String name() {
                return "B HttpClient 5 + Jackson";
            }

            @Override
            public String send(String recipient) throws Exception {
                byte[] json = mapper.writeValueAsBytes(Map.of("recipient", Map.of("id", recipient),
                        "messaging_type", "RESPONSE", "message", message));
                HttpPost post = new HttpPost(uri);
                post.setHeader("Authorization", "Bearer " + SimulatorServer.TOKEN);
                post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
                return http.execute(post, response -> {
                    try (InputStream in = response.getEntity().getContent()) {
                        JsonNode body = mapper.readTree(in);
                        if (response.getCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.getCode() + " " + body);
                        }
                        return body.path("message_id").asText();
                    }
                });
            }

            @Override
            public void close() throws Exception {
                http.close();
            }
        };
    }

    /** C: camel-http and camel-jackson, as a route author would write it without the component. */
    static Variant camelHttp(String baseUrl, boolean template) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:c")
                        .marshal().json(JsonLibrary.Jackson)
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Authorization", constant("Bearer " + SimulatorServer.TOKEN))
                        .to(baseUrl + "/v25.0/me/messages")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
            }
        });
        context.start();
        ProducerTemplate producer = context.createProducerTemplate();
        Object message = template ? templateMessage() : Map.of("text", TEXT);
        return new Variant() {

            @Override
            public String name() {
                return "C camel-http + camel-jackson";
            }

            @Override
            public String send(String recipient) {
                Exchange exchange = producer.send("direct:c",
                        e -> e.getIn().setBody(Map.of("recipient", Map.of("id", recipient),
                                "messaging_type", "RESPONSE", "message", message)));
                if (exchange.getException() != null) {
                    throw new IllegalStateException(exchange.getException());
                }
                return String.valueOf(exchange.getMessage().getBody(Map.class).get("message_id"));
            }

            @Override
            public void close() throws Exception {
                context.close();
            }
        };
    }
}
