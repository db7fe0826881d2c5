package io.github.camelmessenger.internal.send;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.GraphResponse;

/**
 * What one exchange sends, final and validated: one request, or the parts of a long text in order. Sending it never
 * completes exceptionally: the {@link SendResult} carries the answers of the parts sent and the failure, if any, so that
 * the ids of the parts already delivered are never lost.
 */
public final class SendPlan {

    /** What a 2xx answer must carry to confirm the call: an unconfirmed call may have taken effect. */
    enum Confirmation {

        /** A message: its {@code message_id}. */
        MESSAGE_ID("message_id"),
        /** An upload: its {@code attachment_id}. */
        ATTACHMENT_ID("attachment_id"),
        /** A sender action: any JSON object (Meta documents {@code recipient_id}, absent for some recipients). */
        ANSWER(null);

        final String field;

        Confirmation(String field) {
            this.field = field;
        }
    }

    private final List<GraphRequest> requests;
    private final Confirmation confirmation;
    private final boolean parts;
    private final AttachmentCache cache;
    private final String cacheKey;

    /**
     * @param parts    the requests are the parts of one long text
     * @param cacheKey the cached attachment this plan uploads first, with the cache to complete; or both null
     */
    SendPlan(List<GraphRequest> requests, Confirmation confirmation, boolean parts, AttachmentCache cache, String cacheKey) {
        this.requests = List.copyOf(requests);
        this.confirmation = confirmation;
        this.parts = parts;
        this.cache = cache;
        this.cacheKey = cacheKey;
    }

    public List<GraphRequest> requests() {
        return requests;
    }

    /** True when this plan is the parts of a long text, whose ids are reported together. */
    public boolean isInParts() {
        return parts;
    }

    /** Sends the requests in order; a failure stops the parts that follow it. */
    public CompletableFuture<SendResult> send(GraphClient client) {
        List<String> messageIds = new ArrayList<>();
        return sendFrom(client, 0, messageIds, null)
                .exceptionally(unexpected -> new SendResult(messageIds, null, unwrap(unexpected)))
                .whenComplete((result, never) -> completeCache(result));
    }

    /** The answer of one part: a confirmed response, or why it failed. */
    private record Step(GraphResponse response, Throwable failure) {
    }

    private CompletableFuture<SendResult> sendFrom(GraphClient client, int index, List<String> messageIds, GraphResponse last) {
        if (index == requests.size()) {
            return CompletableFuture.completedFuture(new SendResult(messageIds, last, null));
        }
        return client.execute(requests.get(index))
                .handle((response, failure) -> failure != null
                        ? new Step(null, unwrap(failure))
                        : new Step(response, unconfirmed(response)))
                .thenCompose(step -> {
                    if (step.failure() != null) {
                        return CompletableFuture.completedFuture(new SendResult(messageIds, last, step.failure()));
                    }
                    if (confirmation == Confirmation.MESSAGE_ID) {
                        messageIds.add(step.response().text("message_id"));
                    }
                    return sendFrom(client, index + 1, messageIds, step.response());
                });
    }

    /** A 2xx that does not carry what confirms the call, as the exception that says so; else null. */
    private MessengerApiException unconfirmed(GraphResponse response) {
        if (confirmation.field == null || response.text(confirmation.field) != null) {
            return null;
        }
        return MessengerApiException.unconfirmed(response.status(), "without a " + confirmation.field, response.usageHeaders());
    }

    private void completeCache(SendResult result) {
        if (cacheKey == null) {
            return;
        }
        Throwable failure = result.failure();
        if (failure == null) {
            cache.complete(cacheKey, result.last().text("attachment_id"));
        } else {
            cache.fail(cacheKey, failure);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public String toString() {
        return "SendPlan" + requests;
    }
}
