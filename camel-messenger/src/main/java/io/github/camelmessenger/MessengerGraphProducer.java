package io.github.camelmessenger;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.graph.PageCredentials;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * What the producers of the conversation operations share: the Page of the exchange and its token, one Graph call (or
 * a few) without holding the calling thread, the usage headers of the answer, and exactly one callback. A subclass says
 * which call an exchange makes and what its answer sets on the message.
 */
abstract class MessengerGraphProducer extends DefaultAsyncProducer {

    /** What a call came to: the last answer (for its usage headers), and what to set on the message. */
    record Outcome(GraphResponse response, Consumer<Message> apply) {
    }

    protected final MessengerConfiguration configuration;
    private final PageTokens pages;
    private GraphClient client;

    MessengerGraphProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.pages = new PageTokens(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerSendProducer.checkConfiguration(configuration, pages);
        client = ((MessengerEndpoint) getEndpoint()).graphClient();
    }

    /**
     * The call of this exchange.
     *
     * @throws RuntimeException (a {@code MessengerValidationException}) when the exchange breaks a rule: nothing is sent
     */
    abstract CompletableFuture<Outcome> call(Exchange exchange, String pageId, PageCredentials credentials, GraphClient client);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Outcome> outcome;
        try {
            String pageId = pages.pageOf(exchange);
            outcome = call(exchange, pageId, pages.credentialsOf(pageId), client);
        } catch (RuntimeException invalid) {
            return AsyncCompletion.failed(exchange, callback, invalid);
        }
        return AsyncCompletion.complete(exchange, callback, outcome, MessengerGraphProducer::apply);
    }

    private static void apply(Exchange exchange, Outcome outcome) {
        Message message = exchange.getMessage();
        MessengerSendProducer.setUsageHeaders(message, outcome.response().usageHeaders());
        outcome.apply().accept(message);
    }

    /** A header as text, else the option: header beats option. */
    static String headerOr(Exchange exchange, String header, String option) {
        String value = exchange.getMessage().getHeader(header, String.class);
        return value == null || value.isBlank() ? option : value.trim();
    }
}
