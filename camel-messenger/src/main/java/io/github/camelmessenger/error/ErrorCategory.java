package io.github.camelmessenger.error;

/** What kind of failure a Graph API error is, and so what a route should do about it. */
public enum ErrorCategory {

    /** Throttled: retry after {@code getRetryAfter()}, and slow down. */
    RATE_LIMIT(true),
    /** A temporary failure on Meta's side: retry with backoff. */
    TRANSIENT(true),
    /** The access token is invalid or expired: fix the configuration, retrying will not help. */
    AUTHENTICATION(false),
    /** The app or Page lacks a permission for this send. */
    PERMISSION(false),
    /** Outside the messaging window: send with an allowed message tag, or not at all. */
    MESSAGING_WINDOW(false),
    /** The person cannot receive messages right now (blocked the Page, deactivated, unknown). */
    RECIPIENT_UNAVAILABLE(false),
    /** No profile can be read for this person (an account made with a phone number): carry on without it. */
    PROFILE_UNAVAILABLE(false),
    /** The request breaks a rule of the Send API: fix the message. */
    INVALID_REQUEST(false),
    /** Meta's policy enforcement blocked the send. */
    POLICY(false),
    /**
     * The Graph API answered 2xx, but not with what confirms the call (a message send without a {@code message_id}, an
     * empty, unreadable or oversized body): the call may have taken effect, so a retry could send twice.
     */
    UNCONFIRMED(false),
    /** Not in the table: treated as not retryable. */
    UNKNOWN(false);

    private final boolean retryable;

    ErrorCategory(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
