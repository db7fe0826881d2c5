package io.github.camelmessenger.error;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Records why a message ended in the dead letter channel, as headers beside the original message, so that the
 * dead letters can be counted, alerted on and replayed by category. Use it as {@code onPrepareFailure}:
 *
 * <pre>
 * errorHandler(deadLetterChannel("seda:messenger-dead-letters").useOriginalMessage()
 *         .onPrepareFailure(new DeadLetterHeaders()));
 * </pre>
 */
public final class DeadLetterHeaders implements Processor {

    /** {@link ErrorCategory} name; {@code VALIDATION} for a rejected request, {@code TRANSPORT} for an IOException. */
    public static final String CATEGORY = "CamelMessengerErrorCategory";
    public static final String CODE = "CamelMessengerErrorCode";
    public static final String SUBCODE = "CamelMessengerErrorSubcode";
    public static final String FBTRACE_ID = "CamelMessengerFbtraceId";
    /** The exception's message: never holds a secret. */
    public static final String MESSAGE = "CamelMessengerErrorMessage";

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        message.setHeader(CATEGORY, category(caught));
        if (caught instanceof MessengerApiException api) {
            message.setHeader(CODE, api.getCode());
            message.setHeader(SUBCODE, api.getErrorSubcode());
            message.setHeader(FBTRACE_ID, api.getFbtraceId());
        }
        if (caught != null) {
            message.setHeader(MESSAGE, caught.getMessage());
        }
    }

    private static String category(Throwable caught) {
        if (caught instanceof MessengerApiException api) {
            return api.getCategory().name();
        }
        if (caught instanceof MessengerValidationException) {
            return "VALIDATION";
        }
        if (caught instanceof IOException) {
            return "TRANSPORT";
        }
        return "OTHER";
    }
}
