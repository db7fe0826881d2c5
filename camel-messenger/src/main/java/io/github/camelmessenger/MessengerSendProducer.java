package io.github.camelmessenger;

import java.time.Clock;
import java.time.Duration;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.internal.send.SendPlan;
import io.github.camelmessenger.internal.send.SendPlanner;
import io.github.camelmessenger.internal.send.SendRequestValidator;
import io.github.camelmessenger.internal.send.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code messenger:send}: exchange -> validated send plan -> Graph call(s) -> output headers. The body is left as it
 * was, so a failed exchange still holds the original message for a retry or a dead letter channel.
 */
public class MessengerSendProducer extends DefaultProducer {

    private final MessengerConfiguration configuration;
    private SendPlanner planner;
    private GraphClient client;
    private PageCredentials credentials;
    private WritableHealthCheckRepository healthCheckRepository;
    private MessengerHealthCheck healthCheck;

    public MessengerSendProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checkConfiguration(configuration);
        planner = new SendPlanner(configuration);
        client = getEndpoint().getGraphClient();
        credentials = PageCredentials.of(configuration.getAccessToken(), configuration.getAppSecret());
        // health checks are optional in Camel: register only where a repository is present (camel-health)
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new MessengerHealthCheck("messenger-" + getEndpoint().getId(), client, credentials,
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
    static void checkConfiguration(MessengerConfiguration configuration) {
        if (configuration.getAccessToken() == null || configuration.getAccessToken().isBlank()) {
            throw new IllegalArgumentException("messenger producers need the accessToken option (the Page access token)");
        }
        SendRequestValidator.checkMessagingType(configuration.getMessagingType().name(), configuration.getTag(),
                configuration.platformType());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SendPlan plan = planner.planSend(exchange, configuration.getPageId(), credentials).join();
        SendResult result = plan.send(client).join();
        setOutputHeaders(exchange.getMessage(), plan, result);
        if (result.failure() != null) {
            exchange.setException(result.failure());
        }
    }

    /** The ids and usage headers of the answers; with the parts of a long text, every part's id, failed or not. */
    static void setOutputHeaders(Message message, SendPlan plan, SendResult result) {
        if (plan.isInParts()) {
            message.setHeader(MessengerConstants.MESSAGE_IDS, result.messageIds());
        }
        setIfPresent(message, MessengerConstants.MESSAGE_ID, result.lastAnswer("message_id"));
        setIfPresent(message, MessengerConstants.RECIPIENT_ID, result.lastAnswer("recipient_id"));
        setIfPresent(message, MessengerConstants.ATTACHMENT_ID, result.lastAnswer("attachment_id"));
        setIfPresent(message, MessengerConstants.APP_USAGE, result.usageHeaders().get("X-App-Usage"));
        setIfPresent(message, MessengerConstants.PAGE_USAGE, result.usageHeaders().get("X-Page-Usage"));
        setIfPresent(message, MessengerConstants.BUSINESS_USE_CASE_USAGE,
                result.usageHeaders().get("X-Business-Use-Case-Usage"));
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
