package io.github.camelmessenger.model;

/** {@code messaging_type}: why the message is sent, which decides the policy that applies to it. */
public enum MessagingType {
    /** A reply within the standard messaging window. */
    RESPONSE,
    /** A proactive update within the standard messaging window. */
    UPDATE,
    /** Outside the window, under a message {@code tag}. */
    MESSAGE_TAG,
    /** A utility message. */
    UTILITY
}
