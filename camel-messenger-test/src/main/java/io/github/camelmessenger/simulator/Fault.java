package io.github.camelmessenger.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * A fault the simulator injects into one request, in the shapes the Graph API really produces. Queue them with
 * {@link MessengerSimulator#enqueue(Fault...)}.
 */
public sealed interface Fault {

    /** A Graph error body with the given HTTP status, code and subcode, and optional response headers. */
    record GraphError(int status, int code, Integer subcode, boolean isTransient, String type, String message,
            Map<String, String> headers) implements Fault {
    }

    /** A bare HTTP status with a non-Graph body (a load balancer's answer). */
    record HttpStatus(int status, String body) implements Fault {
    }

    /** Waits, then answers normally. */
    record Delay(Duration delay) implements Fault {
    }

    /** Closes the connection without any response; nothing is delivered. */
    record ConnectionReset() implements Fault {
    }

    /** Delivers the message, then closes the connection before the response: the sender cannot know it went out. */
    record ResponseLost() implements Fault {
    }

    static Fault graphError(int status, int code, Integer subcode, String message) {
        return new GraphError(status, code, subcode, false, "OAuthException", message, Map.of());
    }

    static Fault transientError(int code, String message) {
        return new GraphError(500, code, null, true, "OAuthException", message, Map.of());
    }

    /** Error 613 with {@code X-Business-Use-Case-Usage} asking to wait {@code minutes}. */
    static Fault rateLimited(int minutes) {
        String usage = "{\"123456\":[{\"type\":\"messenger\",\"call_count\":100,\"total_cputime\":25,\"total_time\":25,"
                + "\"estimated_time_to_regain_access\":" + minutes + "}]}";
        return new GraphError(400, 613, null, false, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.",
                Map.of("X-Business-Use-Case-Usage", usage));
    }

    static Fault httpStatus(int status) {
        return new HttpStatus(status, "<html><body>" + status + "</body></html>");
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault connectionReset() {
        return new ConnectionReset();
    }

    static Fault responseLost() {
        return new ResponseLost();
    }
}
