package io.github.camelmessenger.examples.benchmark;

/** One way of sending a message: the same request, built and sent by different code. */
interface Variant extends AutoCloseable {

    String name();

    /** Sends one message to {@code recipient}; returns the message_id, throws on failure. */
    String send(String recipient) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
