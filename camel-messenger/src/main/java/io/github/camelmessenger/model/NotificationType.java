package io.github.camelmessenger.model;

/** {@code notification_type}: how the recipient's device announces the message. */
public enum NotificationType {
    REGULAR, SILENT_PUSH, NO_PUSH
}
