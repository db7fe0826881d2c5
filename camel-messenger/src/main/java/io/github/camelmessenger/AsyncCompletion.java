package io.github.camelmessenger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * Ends an asynchronous producer call: exactly one {@code callback.done} on every path. A call already complete when the
 * producer asks is done synchronously; otherwise the exchange is completed and the callback called on the thread that
 * completes the call (an I/O thread of the HTTP client).
 */
final class AsyncCompletion {

    private AsyncCompletion() {
    }

    /** {@link org.apache.camel.AsyncProcessor#process}'s answer: true when done synchronously. */
    static <T> boolean complete(Exchange exchange, AsyncCallback callback, CompletableFuture<T> call,
            BiConsumer<Exchange, T> onSuccess) {
        if (call.isDone()) {
            finish(exchange, call.handle((value, failure) -> new Outcome<>(value, failure)).join(), onSuccess);
            callback.done(true);
            return true;
        }
        call.whenComplete((value, failure) -> {
            try {
                finish(exchange, new Outcome<>(value, failure), onSuccess);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    /** A failure before the call could start: done at once. */
    static boolean failed(Exchange exchange, AsyncCallback callback, Throwable failure) {
        exchange.setException(failure);
        callback.done(true);
        return true;
    }

    private record Outcome<T>(T value, Throwable failure) {
    }

    private static <T> void finish(Exchange exchange, Outcome<T> outcome, BiConsumer<Exchange, T> onSuccess) {
        Throwable failure = outcome.failure();
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure != null) {
            exchange.setException(failure);
            return;
        }
        try {
            onSuccess.accept(exchange, outcome.value());
        } catch (RuntimeException unexpected) {
            exchange.setException(unexpected);
        }
    }
}
