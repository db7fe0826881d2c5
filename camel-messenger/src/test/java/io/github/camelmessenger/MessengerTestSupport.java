package io.github.camelmessenger;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class, reset before each test; helpers to send and to compare JSON structurally. */
public abstract class MessengerTestSupport extends CamelTestSupport {

    protected static final String TOKEN = "EAAtestPageToken123secret";
    protected static final String PSID = "1254477777772919";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    protected static MessengerSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = MessengerSimulator.start(TOKEN);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }

    /** {@code messenger:send} against the simulator with the test token, plus {@code options} ("a=b&c=d"). */
    protected static String sendUri(String options) {
        return "messenger:send?accessToken=" + TOKEN + "&baseUrl=" + simulator.baseUrl()
                + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    /** Sends through the endpoint and returns the exchange; a failure is on the exchange, not thrown. */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
