package io.github.camelmessenger.error;

/**
 * The request breaks a documented rule of the Send API. Thrown before any HTTP call, so nothing was sent; retrying
 * the same message cannot help. {@link #getField()} names the field (as in the Send API JSON, e.g.
 * {@code message.quick_replies[2].title}), {@link #getActualSize()} and {@link #getLimit()} the size and the limit
 * where the rule is one. The message always starts with the field.
 */
public class MessengerValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final Integer actualSize;
    private final Integer limit;

    public MessengerValidationException(String field, String message) {
        this(field, null, null, message);
    }

    public MessengerValidationException(String field, Integer actualSize, Integer limit, String message) {
        // a message may quote a route's value (a header, a tag): cut like every other exception text
        super(MessengerApiException.capped(message.startsWith(field) ? message : field + ": " + message));
        this.field = field;
        this.actualSize = actualSize;
        this.limit = limit;
    }

    public String getField() {
        return field;
    }

    public Integer getActualSize() {
        return actualSize;
    }

    public Integer getLimit() {
        return limit;
    }
}
