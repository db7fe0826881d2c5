package io.github.camelmessenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.graph.PageCredentials;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Camel's producer health check for a messenger endpoint: is the access token accepted? Asks the Graph API
 * {@code GET /me?fields=id} (the cheapest call a Page token can make) at most once per interval, and reports DOWN with
 * the error's category (AUTHENTICATION for an invalid or expired token), code and fbtrace_id, or with TRANSPORT when
 * the Graph API cannot be reached. Readiness only: a bad token is not cured by restarting the application.
 */
public final class MessengerHealthCheck implements HealthCheck {

    private final String id;
    private final GraphClient client;
    private final PageCredentials credentials;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean enabled = true;
    private volatile Result last;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile long graphCalls;

    public MessengerHealthCheck(String id, GraphClient client, PageCredentials credentials, Duration interval, Clock clock) {
        this.id = id;
        this.client = client;
        this.credentials = credentials;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String getGroup() {
        return "producers";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** How many Graph calls the check has made: at most one per interval. */
    public long graphCalls() {
        return graphCalls;
    }

    @Override
    public synchronized Result call(Map<String, Object> options) {
        Instant now = clock.instant();
        if (last != null && now.isBefore(checkedAt.plus(interval))) {
            return last;
        }
        graphCalls++;
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        try {
            GraphResponse me = client.execute(GraphRequest.get("me", "fields=id", credentials)).join();
            builder.up().detail("graph.id", me.text("id"));
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof MessengerApiException e) {
                builder.down().message(e.getMessage()).detail("messenger.category", e.getCategory().name())
                        .detail("messenger.code", e.getCode()).detail("messenger.fbtrace_id", e.getFbtraceId());
            } else {
                builder.down().message("The Graph API cannot be reached: " + failed.getCause().getClass().getSimpleName())
                        .detail("messenger.category", "TRANSPORT");
            }
        }
        last = builder.build();
        checkedAt = now;
        return last;
    }
}
