package io.github.camelmessenger.error;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Makes Camel's redelivery wait what the Graph API asked for. Camel computes each redelivery delay from the policy
 * unless the {@code CamelRedeliveryDelay} header says otherwise; this processor, set as {@code onExceptionOccurred},
 * puts {@link MessengerApiException#getRetryAfter()} into that header (and clears it for failures without one, so the
 * policy's backoff applies). A wait longer than {@code maximum} is not worth holding the message for: the exchange is
 * marked exhausted and goes to the dead letter channel at once, where the route can replay it later.
 *
 * <pre>
 * onException(MessengerRetryableException.class, IOException.class)
 *     .maximumRedeliveries(6).redeliveryDelay(500).useExponentialBackOff().asyncDelayedRedelivery()
 *     .onExceptionOccurred(new RetryAfterDelay(Duration.ofMinutes(2)));
 * </pre>
 */
public final class RetryAfterDelay implements Processor {

    private final Duration maximum;

    public RetryAfterDelay(Duration maximum) {
        this.maximum = maximum;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Optional<Duration> retryAfter = caught instanceof MessengerApiException api ? api.getRetryAfter() : Optional.empty();
        if (retryAfter.isEmpty()) {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        } else if (retryAfter.get().compareTo(maximum) > 0) {
            exchange.getExchangeExtension().setRedeliveryExhausted(true);
        } else {
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, retryAfter.get().toMillis());
        }
    }
}
