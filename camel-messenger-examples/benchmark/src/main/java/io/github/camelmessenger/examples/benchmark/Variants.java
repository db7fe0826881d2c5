package io.github.camelmessenger.examples.benchmark;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.template.Button;
import io.github.camelmessenger.model.template.ButtonTemplate;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The contenders, each sending the same Send API request (a text, or a button template) to the same simulator.
 * <ul>
 * <li>A: {@code messenger:send} from a Camel route, called blocking ({@code ProducerTemplate}) or not (the route's
 * {@code AsyncProducer}).</li>
 * <li>B: Apache HttpClient 5's classic (blocking) client posting the request JSON written by a Jackson ObjectMapper: the
 * floor for blocking callers.</li>
 * <li>B2: the same with HttpClient 5's async client: the floor for non-blocking callers.</li>
 * <li>R: B2 called from a Camel route ({@code direct:} and an async processor): what Camel's routing costs around the
 * same call, so that A's cost over B2 splits into Camel's and the component's.</li>
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

    /** One exchange through a route's AsyncProducer; the future completes with its message_id header. */
    private static CompletableFuture<String> throughRoute(CamelContext context, AsyncProducer route, Object body,
            String recipient) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(body);
        exchange.getIn().setHeader(MessengerConstants.RECIPIENT_ID, recipient);
        return route.processAsync(exchange).thenApply(done -> {
            if (done.getException() != null) {
                throw new CompletionException(done.getException());
            }
            return done.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class);
        });
    }

    /** A: the component. */
    static Variant component(String baseUrl, boolean template) throws Exception {
        return component(baseUrl, template, "");
    }

    /** A with more endpoint options ({@code &name=value...}). */
    static Variant component(String baseUrl, boolean template, String options) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:a").to("messenger:send?accessToken=" + SimulatorServer.TOKEN + "&baseUrl=" + baseUrl + options);
            }
        });
        context.start();
        ProducerTemplate producer = context.createProducerTemplate();
        AsyncProducer route = context.getEndpoint("direct:a").createAsyncProducer();
        route.start();
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
            public CompletableFuture<String> sendAsync(String recipient) {
                return throughRoute(context, route, body, recipient);
            }

            @Override
            public void close() throws Exception {
                route.stop();
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

    /** B2: the raw async client, configured as the component configures its own (pool, timeouts, no retries). */
    static Variant rawAsyncHttpClient(String baseUrl, boolean template, int maxConnections) {
        ObjectMapper mapper = new ObjectMapper();
        CloseableHttpAsyncClient http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30))
                        .setConnectionRequestTimeout(Timeout.ofSeconds(30)).build())
                .disableAutomaticRetries()
                .build();
        http.start();
        String uri = baseUrl + "/v25.0/me/messages";
        Object message = template ? templateMessage() : Map.of("text", TEXT);
        return new Variant() {

            @Override
            public String name() {
                return "B2 HttpClient 5 async + Jackson";
            }

            @Override
            public String send(String recipient) throws Exception {
                return sendAsync(recipient).get();
            }

            @Override
            public CompletableFuture<String> sendAsync(String recipient) {
                CompletableFuture<String> answer = new CompletableFuture<>();
                try {
                    byte[] json = mapper.writeValueAsBytes(Map.of("recipient", Map.of("id", recipient),
                            "messaging_type", "RESPONSE", "message", message));
                    SimpleHttpRequest post = SimpleRequestBuilder.post(uri)
                            .setHeader("Authorization", "Bearer " + SimulatorServer.TOKEN)
                            .setBody(json, ContentType.APPLICATION_JSON).build();
                    http.execute(post, new FutureCallback<SimpleHttpResponse>() {

                        @Override
                        public void completed(SimpleHttpResponse response) {
                            try {
                                JsonNode body = mapper.readTree(response.getBodyBytes());
                                if (response.getCode() != 200) {
                                    throw new IllegalStateException("HTTP " + response.getCode() + " " + body);
                                }
                                answer.complete(body.path("message_id").asText());
                            } catch (Exception e) {
                                answer.completeExceptionally(e);
                            }
                        }

                        @Override
                        public void failed(Exception failure) {
                            answer.completeExceptionally(failure);
                        }

                        @Override
                        public void cancelled() {
                            answer.cancel(false);
                        }
                    });
                } catch (Exception e) {
                    answer.completeExceptionally(e);
                }
                return answer;
            }

            @Override
            public void close() {
                http.close(CloseMode.GRACEFUL);
            }
        };
    }

    /** R: the raw async client inside a Camel route, the way A is called. */
    static Variant routedRawAsyncHttpClient(String baseUrl, boolean template) throws Exception {
        Variant raw = rawAsyncHttpClient(baseUrl, template, 200);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:r").process(new AsyncProcessorSupport() {

                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        raw.sendAsync(exchange.getMessage().getHeader(MessengerConstants.RECIPIENT_ID, String.class))
                                .whenComplete((messageId, failure) -> {
                                    if (failure != null) {
                                        exchange.setException(failure);
                                    } else {
                                        exchange.getMessage().setHeader(MessengerConstants.MESSAGE_ID, messageId);
                                    }
                                    callback.done(false);
                                });
                        return false;
                    }
                });
            }
        });
        context.start();
        AsyncProducer route = context.getEndpoint("direct:r").createAsyncProducer();
        route.start();
        return new Variant() {

            @Override
            public String name() {
                return "R route + B2";
            }

            @Override
            public String send(String recipient) throws Exception {
                return sendAsync(recipient).get();
            }

            @Override
            public CompletableFuture<String> sendAsync(String recipient) {
                return throughRoute(context, route, template ? TEMPLATE : TEXT, recipient);
            }

            @Override
            public void close() throws Exception {
                route.stop();
                context.close();
                raw.close();
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
