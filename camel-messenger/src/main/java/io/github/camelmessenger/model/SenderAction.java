package io.github.camelmessenger.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code sender_action}: sent alone, never beside a {@code message}. */
public enum SenderAction {

    TYPING_ON, TYPING_OFF, MARK_SEEN,
    /** Needs a {@link Reaction} payload with the message id and the emoji. */
    REACT,
    /** Needs a {@link Reaction} payload with the message id only. */
    UNREACT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code typing_on}, {@code TYPING_ON} and friends; {@code null} for an unknown value. */
    @JsonCreator
    public static SenderAction fromValue(String value) {
        if (value == null) {
            return null;
        }
        for (SenderAction action : values()) {
            if (action.name().equalsIgnoreCase(value.trim())) {
                return action;
            }
        }
        return null;
    }
}
