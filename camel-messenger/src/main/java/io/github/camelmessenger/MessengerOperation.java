package io.github.camelmessenger;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operation in {@code messenger:operation}; {@link #toString()} is its name in the URI. */
public enum MessengerOperation {

    /** {@code POST /{pageId}/messages}: a message or a sender action. */
    SEND("send"),
    /** {@code POST /{pageId}/message_attachments}: uploads a URL or a file once, for a reusable attachment_id. */
    UPLOAD("upload"),
    /** The consumer of Messenger and Instagram webhook events. */
    WEBHOOK("webhook"),
    /** {@code POST /{pageId}/pass_thread_control}: hands the conversation to another app (a helpdesk, the Page Inbox). */
    PASS_THREAD_CONTROL("passThreadControl"),
    /** {@code POST /{pageId}/take_thread_control}: takes the conversation back (primary receiver, or an idle thread). */
    TAKE_THREAD_CONTROL("takeThreadControl"),
    /** {@code POST /{pageId}/request_thread_control}: asks the primary receiver for the conversation. */
    REQUEST_THREAD_CONTROL("requestThreadControl"),
    /** {@code POST /{pageId}/release_thread_control}: lets the conversation go back to idle. */
    RELEASE_THREAD_CONTROL("releaseThreadControl"),
    /** {@code GET /{pageId}/thread_owner}: which app controls the conversation. */
    THREAD_OWNER("threadOwner"),
    /** {@code GET /{psid}}: the person's profile (User Profile API). */
    USER_PROFILE("userProfile"),
    /** {@code /{pageId}/personas} and {@code /{personaId}}: create, get, list and delete the Page's personas. */
    PERSONAS("personas");

    private final String uriName;

    MessengerOperation(String uriName) {
        this.uriName = uriName;
    }

    /** True for the operations that move control of a conversation ({@code *ThreadControl}). */
    public boolean isThreadControl() {
        return this == PASS_THREAD_CONTROL || this == TAKE_THREAD_CONTROL || this == REQUEST_THREAD_CONTROL
                || this == RELEASE_THREAD_CONTROL;
    }

    @Override
    public String toString() {
        return uriName;
    }

    public static MessengerOperation of(String remaining) {
        String name = remaining == null ? "" : remaining.trim();
        for (MessengerOperation operation : values()) {
            if (operation.uriName.equalsIgnoreCase(name) || operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown messenger operation '" + name + "': use one of "
                + Arrays.stream(values()).map(MessengerOperation::toString).collect(Collectors.joining(", ")));
    }
}
