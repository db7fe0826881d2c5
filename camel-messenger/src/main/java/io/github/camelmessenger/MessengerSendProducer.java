package io.github.camelmessenger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.internal.send.SendPlan;
import io.github.camelmessenger.internal.send.SendPlanner;
import io.github.camelmessenger.internal.send.SendRequestValidator;
import io.github.camelmessenger.internal.send.SendResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code messenger:send}: exchange -> validated send plan -> Graph call(s) -> output headers. Non-blocking: the calling
 * thread is released while the Graph API answers, and the exchange continues on the HTTP client's I/O thread. The body
 * is left as it was, so a failed exchange still holds the original message for a retry or a dead letter channel.
 */
public class MessengerSendProducer extends DefaultAsyncProducer {

    private final MessengerConfiguration configuration;
    private final PageTokens pages;
    private SendPlanner planner;
    private GraphClient client;
    private WritableHealthCheckRepository healthCheckRepository;
    private MessengerHealthCheck healthCheck;

    public MessengerSendProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.pages = new PageTokens(endpoint);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checkConfiguration(configuration, pages);
        planner = new SendPlanner(configuration);
        client = getEndpoint().graphClient();
        // health checks are optional in Camel: register only where a repository is present (camel-health)
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new MessengerHealthCheck("messenger-" + getEndpoint().getId(), client, pages,
                    Duration.ofMillis(configuration.getHealthCheckInterval()), Clock.systemUTC());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    /** The rules checked when the route starts, so that a misconfigured endpoint fails fast. */
    static void checkConfiguration(MessengerConfiguration configuration, PageTokens pages) {
        if (!pages.hasSource()) {
            throw new IllegalArgumentException("messenger producers need a Page access token: the accessToken option, the"
                    + " pageAccessTokens option, or an accessTokenProvider");
        }
        SendRequestValidator.checkMessagingType(configuration.getMessagingType().name(), configuration.getTag(),
                configuration.platformType());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Sent> sent;
        try {
            String pageId = pages.pageOf(exchange);
            PageCredentials credentials = pages.credentialsOf(pageId);
            sent = planner.planSend(exchange, pageId, credentials)
                    .thenCompose(plan -> plan.send(client).thenApply(result -> new Sent(plan, result)));
        } catch (RuntimeException invalid) {
            return AsyncCompletion.failed(exchange, callback, invalid);
        }
        return AsyncCompletion.complete(exchange, callback, sent, MessengerSendProducer::applyOutcome);
    }

    /** A plan and what sending it came to. */
    record Sent(SendPlan plan, SendResult result) {
    }

    static void applyOutcome(Exchange exchange, Sent sent) {
        setOutputHeaders(exchange.getMessage(), sent.plan(), sent.result());
        if (sent.result().failure() != null) {
            exchange.setException(sent.result().failure());
        }
    }

    /** The ids and usage headers of the answers; with the parts of a long text, every part's id, failed or not. */
    private static void setOutputHeaders(Message message, SendPlan plan, SendResult result) {
        if (plan.isInParts()) {
            message.setHeader(MessengerConstants.MESSAGE_IDS, result.messageIds());
        }
        setIfPresent(message, MessengerConstants.MESSAGE_ID, result.lastAnswer("message_id"));
        setIfPresent(message, MessengerConstants.RECIPIENT_ID, result.lastAnswer("recipient_id"));
        setIfPresent(message, MessengerConstants.ATTACHMENT_ID, result.lastAnswer("attachment_id"));
        setUsageHeaders(message, result.usageHeaders());
    }

    /** Meta's usage headers of an answer, so that a route can slow down before it is throttled. */
    static void setUsageHeaders(Message message, Map<String, String> usageHeaders) {
        setIfPresent(message, MessengerConstants.APP_USAGE, usageHeaders.get("X-App-Usage"));
        setIfPresent(message, MessengerConstants.PAGE_USAGE, usageHeaders.get("X-Page-Usage"));
        setIfPresent(message, MessengerConstants.BUSINESS_USE_CASE_USAGE, usageHeaders.get("X-Business-Use-Case-Usage"));
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
