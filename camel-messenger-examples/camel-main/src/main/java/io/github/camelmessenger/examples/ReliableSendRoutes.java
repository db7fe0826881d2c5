package io.github.camelmessenger.examples;

import java.io.IOException;
import java.time.Duration;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.DeadLetterHeaders;
import io.github.camelmessenger.error.MessengerRetryableException;
import io.github.camelmessenger.error.RetryAfterDelay;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The retry recipes of docs/reliability.md, as routes. The reliability tests run exactly these.
 * <ul>
 * <li>{@value #SEND}: retryable Graph errors (rate limits, transient) and transport failures are redelivered with
 * exponential backoff, waiting at least what the Graph API asked for; every other failure (validation, authentication,
 * permission, messaging window, recipient) is not retried. Whatever cannot be sent lands in the dead letter channel
 * with its original message and the error's category, code, subcode and fbtrace_id.</li>
 * <li>{@value #SEND_THROTTLED}: the same, throttled below Meta's 300 messages per second for each Page (the
 * CamelMessengerPageId header), so that many Pages through one route each have their own budget.</li>
 * </ul>
 */
public class ReliableSendRoutes extends RouteBuilder {

    public static final String SEND = "direct:send-reliably";
    public static final String SEND_THROTTLED = "direct:send-throttled";
    /**
     * Messages per second and per Page that the throttled route lets through: well under Meta's 300, because what
     * leaves the throttle evenly reaches Meta with jitter (at 250/s the simulator's sliding second saw bursts over 300).
     */
    public static final int MESSAGES_PER_SECOND = 200;

    private final String messengerUri;
    private final String deadLetterUri;
    private final int maximumRedeliveries;
    private final Duration firstDelay;
    private final Duration maximumDelay;

    /** The documented settings: 6 redeliveries, 500 ms doubling up to 30 s. */
    public ReliableSendRoutes(String messengerUri, String deadLetterUri) {
        this(messengerUri, deadLetterUri, 6, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public ReliableSendRoutes(String messengerUri, String deadLetterUri, int maximumRedeliveries, Duration firstDelay,
            Duration maximumDelay) {
        this.messengerUri = messengerUri;
        this.deadLetterUri = deadLetterUri;
        this.maximumRedeliveries = maximumRedeliveries;
        this.firstDelay = firstDelay;
        this.maximumDelay = maximumDelay;
    }

    @Override
    public void configure() {
        // anything that fails for good: the original message, and why, in the dead letter channel
        errorHandler(deadLetterChannel(deadLetterUri).useOriginalMessage().onPrepareFailure(new DeadLetterHeaders()));

        // a retry can help: back off, and never sooner than Retry-After / estimated_time_to_regain_access
        onException(MessengerRetryableException.class, IOException.class)
                .maximumRedeliveries(maximumRedeliveries)
                .redeliveryDelay(firstDelay.toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(maximumDelay.toMillis())
                .asyncDelayedRedelivery()
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onExceptionOccurred(new RetryAfterDelay(maximumDelay));

        from(SEND).routeId("send-reliably")
                .to(messengerUri);

        // Meta counts the rate per Page: one budget per CamelMessengerPageId, and one for the exchanges without it (the
        // endpoint's pageId); the key is a template because the throttler refuses a null key
        from(SEND_THROTTLED).routeId("send-throttled")
                .throttle(MESSAGES_PER_SECOND).totalRequestsMode().timePeriodMillis(1000)
                .correlationExpression(simple("page ${header." + MessengerConstants.PAGE_ID + "}"))
                .to(SEND);
    }
}
