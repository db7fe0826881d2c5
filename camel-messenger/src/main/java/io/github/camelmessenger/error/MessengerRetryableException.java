package io.github.camelmessenger.error;

import java.time.Duration;
import java.util.Map;

/**
 * A Graph API error that a retry can cure (rate limit or transient). {@code onException(MessengerRetryableException.class)}
 * selects exactly these.
 */
public class MessengerRetryableException extends MessengerApiException {

    private static final long serialVersionUID = 1L;

    public MessengerRetryableException(GraphError error, ErrorCategory category, Duration retryAfter,
            Map<String, String> usageHeaders) {
        super(error, category, retryAfter, usageHeaders);
    }
}
