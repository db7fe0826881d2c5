package io.github.camelmessenger.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/** A platform-http (Vert.x) server on a free loopback port, and an HTTP client that plays Meta. */
public abstract class WebhookTestSupport extends CamelTestSupport {

    public static final String VERIFY_TOKEN = "verify-me-9f2c";
    public static final String APP_SECRET = "app-secret-4b1d";

    private final HttpClient client = HttpClient.newHttpClient();
    protected int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        configuration.setMaxBodySize(engineMaxBodySize());
        context.addService(new VertxPlatformHttpServer(configuration));
        return context;
    }

    /** The HTTP engine's own body limit (Vert.x: {@code maxBodySize}), or null for none. */
    protected Long engineMaxBodySize() {
        return null;
    }

    protected String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, byte[] body, String signatureHeader, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureHeader != null) {
            request.header(signatureHeader, signature);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postSigned(String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(path, body, WebhookSignature.SHA256_HEADER, WebhookSignature.sha256(body, APP_SECRET));
    }

    protected MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }
}
