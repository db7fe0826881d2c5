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
