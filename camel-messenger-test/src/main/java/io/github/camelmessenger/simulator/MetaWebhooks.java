package io.github.camelmessenger.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Meta's side of the webhooks: each app subscribed to a URL with its app secret, and the events Meta posts to it,
 * signed, one at a time and in order (a queue of its own, so that a Graph call answered by the simulator never waits
 * for a webhook the call itself caused). Every delivery is logged with the status the consumer answered.
 */
final class MetaWebhooks implements AutoCloseable {

    private record Subscription(String url, String appSecret) {
    }

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<WebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService queue = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    void subscribe(String appId, String url, String appSecret) {
        subscriptions.put(appId, new Subscription(url, appSecret));
    }

    boolean isSubscribed(String appId) {
        return subscriptions.containsKey(appId);
    }

    /**
     * Posts {@code batch} to the webhook of {@code appId}, after every delivery queued before it. An app without a
     * subscription gets nothing (as on Meta's side); the future completes when the post is done.
     *
     * @param kind what the batch carries, for the log: the event's key ({@code message}, {@code pass_thread_control}...)
     */
    CompletableFuture<Void> deliver(String appId, String kind, boolean standby, String batch) {
        Subscription subscription = subscriptions.get(appId);
        if (subscription == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            int status;
            try {
                status = new WebhookSender(subscription.url(), subscription.appSecret()).post(batch);
            } catch (RuntimeException unreachable) {
                status = -1;
            }
            deliveries.add(new WebhookDelivery(appId, kind, standby, batch, status));
        }, queue);
    }

    /** Waits until every delivery queued so far is done. */
    void awaitIdle(Duration timeout) {
        try {
            CompletableFuture.runAsync(() -> {
            }, queue).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The simulator's webhook deliveries did not finish within " + timeout, e);
        }
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    void reset() {
        deliveries.clear();
    }

    @Override
    public void close() {
        queue.shutdownNow();
    }
}
