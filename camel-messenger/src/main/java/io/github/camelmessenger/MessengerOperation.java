package io.github.camelmessenger;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The operation in {@code messenger:operation}. */
public enum MessengerOperation {

    /** {@code POST /{pageId}/messages}: a message or a sender action. */
    SEND,
    /** {@code POST /{pageId}/message_attachments}: uploads a URL or a file once, for a reusable attachment_id. */
    UPLOAD,
    /** The consumer of Messenger and Instagram webhook events. */
    WEBHOOK;

    public static MessengerOperation of(String remaining) {
        String name = remaining == null ? "" : remaining.trim();
        for (MessengerOperation operation : values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown messenger operation '" + name + "': use one of "
                + Arrays.stream(values()).map(o -> o.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
