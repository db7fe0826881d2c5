package io.github.camelmessenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.PageCredentials;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Camel's producer health check for a messenger endpoint: is the token of every configured Page accepted? Asks the
 * Graph API {@code GET /{page}?fields=id} (the cheapest call a Page token can make) for the pageId option's Page and for
 * each Page of pageAccessTokens, at most once per interval, and reports DOWN when one is refused, with each Page's
 * state ({@code messenger.page.<id>}: UP, or the error's category, e.g. AUTHENTICATION for an invalid or expired
 * token, TRANSPORT when the Graph API cannot be reached). Readiness only: a bad token is not cured by a restart. Pages
 * that only an accessTokenProvider knows are not listed: the check cannot know them.
 */
public final class MessengerHealthCheck implements HealthCheck {

    private final String id;
    private final GraphClient client;
    private final PageTokens pages;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean enabled = true;
    private volatile Result last;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile long graphCalls;

    MessengerHealthCheck(String id, GraphClient client, PageTokens pages, Duration interval, Clock clock) {
        this.id = id;
        this.client = client;
        this.pages = pages;
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

    /** How many Graph calls the check has made: at most one per configured Page per interval. */
    public long graphCalls() {
        return graphCalls;
    }

    @Override
    public synchronized Result call(Map<String, Object> options) {
        Instant now = clock.instant();
        if (last != null && now.isBefore(checkedAt.plus(interval))) {
            return last;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).up();
        Map<String, PageCredentials> configured = pages.configuredPages();
        builder.detail("messenger.pages", configured.size());
        // every Page's call in flight at once, then every answer: a check of many Pages takes one call's time
        Map<String, CompletableFuture<?>> calls = new LinkedHashMap<>();
        configured.forEach((page, credentials) -> calls.put(page, ask(page, credentials)));
        calls.forEach((page, call) -> record(builder, page, call));
        last = builder.build();
        checkedAt = now;
        return last;
    }

    private CompletableFuture<?> ask(String page, PageCredentials credentials) {
        graphCalls++;
        try {
            return client.execute(GraphRequest.get(page, "fields=id", credentials));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    private void record(HealthCheckResultBuilder builder, String page, CompletableFuture<?> call) {
        try {
            // responseTimeout ends every call; this wait is only a guard
            call.get(5, TimeUnit.MINUTES);
            builder.detail("messenger.page." + page, "UP");
        } catch (Exception failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = failed instanceof CompletionException || failed instanceof ExecutionException
                    ? failed.getCause()
                    : failed;
            builder.down();
            if (cause instanceof MessengerApiException e) {
                builder.message("Page " + page + ": " + e.getMessage()).detail("messenger.page." + page, e.getCategory().name())
                        .detail("messenger.category", e.getCategory().name()).detail("messenger.code", e.getCode())
                        .detail("messenger.fbtrace_id", e.getFbtraceId());
            } else {
                builder.message("Page " + page + ": the Graph API cannot be reached: " + cause.getClass().getSimpleName())
                        .detail("messenger.page." + page, "TRANSPORT").detail("messenger.category", "TRANSPORT");
            }
        }
    }
}
