package io.github.camelmessenger.examples.benchmark;

import java.util.concurrent.CompletableFuture;

/** One way of sending a message: the same request, built and sent by different code. */
interface Variant extends AutoCloseable {

    String name();

    /** Sends one message to {@code recipient}, holding the calling thread; returns the message_id, throws on failure. */
    String send(String recipient) throws Exception;

    /**
     * Sends one message without holding the calling thread; the future completes with the message_id or the failure.
     * Only the non-blocking contenders have it.
     */
    default CompletableFuture<String> sendAsync(String recipient) {
        throw new UnsupportedOperationException(name() + " is a blocking contender");
    }

    @Override
    default void close() throws Exception {
    }
}
