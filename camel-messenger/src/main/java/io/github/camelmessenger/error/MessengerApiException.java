package io.github.camelmessenger.error;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph API answered with an error. Route on {@link #getCategory()} or on the class: the retryable categories
 * are thrown as {@link MessengerRetryableException}.
 */
public class MessengerApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final GraphError error;
    private final ErrorCategory category;
    private final Duration retryAfter;
    private final Map<String, String> usageHeaders;

    public MessengerApiException(GraphError error, ErrorCategory category, Duration retryAfter,
            Map<String, String> usageHeaders) {
        super(describe(error, category));
        this.error = error;
        this.category = category;
        this.retryAfter = retryAfter;
        this.usageHeaders = usageHeaders == null ? Map.of() : Map.copyOf(usageHeaders);
    }

    /** The longest text of Meta's kept in an exception message; a longer one is cut, so no log line grows without bound. */
    public static final int MAX_TEXT = 1000;

    /**
     * A 2xx answer that does not confirm the call: the call may have taken effect, so the exception is not retryable.
     *
     * @param what what the answer lacked, e.g. "without a message_id"
     */
    public static MessengerApiException unconfirmed(int statusCode, String what, Map<String, String> usageHeaders) {
        GraphError error = new GraphError(statusCode, "The Graph API answered HTTP " + statusCode + " " + what
                + ": the call is unconfirmed (it may have taken effect), so it is not retried",
                null, null, null, false, null, null, null);
        return new MessengerApiException(error, ErrorCategory.UNCONFIRMED, null, usageHeaders);
    }

    /** Builds the exception of the right class for the error's category. */
    public static MessengerApiException of(GraphError error, Duration retryAfter, Map<String, String> usageHeaders) {
        ErrorCategory category = GraphErrorClassifier.classify(error.statusCode(), error.code(), error.errorSubcode(),
                error.isTransient());
        return category.isRetryable()
                ? new MessengerRetryableException(error, category, retryAfter, usageHeaders)
                : new MessengerApiException(error, category, retryAfter, usageHeaders);
    }

    private static String describe(GraphError error, ErrorCategory category) {
        StringBuilder sb = new StringBuilder("Graph API error ").append(category)
                .append(" (HTTP ").append(error.statusCode());
        if (error.code() != null) {
            sb.append(", code ").append(error.code());
        }
        if (error.errorSubcode() != null) {
            sb.append(", subcode ").append(error.errorSubcode());
        }
        sb.append(')');
        if (error.message() != null) {
            sb.append(": ").append(error.message());
        }
        if (error.fbtraceId() != null) {
            sb.append(" [fbtrace_id ").append(error.fbtraceId()).append(']');
        }
        return sb.toString();
    }

    /** {@code text} cut to {@link #MAX_TEXT} characters (never inside a surrogate pair), saying how much was cut. */
    public static String capped(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "... (" + (text.length() - end) + " more characters)";
    }

    public GraphError getError() {
        return error;
    }

    public ErrorCategory getCategory() {
        return category;
    }

    public boolean isRetryable() {
        return category.isRetryable();
    }

    public int getStatusCode() {
        return error.statusCode();
    }

    public Integer getCode() {
        return error.code();
    }

    public Integer getErrorSubcode() {
        return error.errorSubcode();
    }

    public String getType() {
        return error.type();
    }

    public String getFbtraceId() {
        return error.fbtraceId();
    }

    public String getErrorUserTitle() {
        return error.errorUserTitle();
    }

    public String getErrorUserMsg() {
        return error.errorUserMsg();
    }

    public boolean isTransient() {
        return error.isTransient();
    }

    /** How long to wait before a retry, from {@code Retry-After} or the business use case usage header. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@code X-App-Usage}, {@code X-Page-Usage} and {@code X-Business-Use-Case-Usage} as Meta sent them. */
    public Map<String, String> getUsageHeaders() {
        return usageHeaders;
    }
}
