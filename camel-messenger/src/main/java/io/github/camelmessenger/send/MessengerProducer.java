package io.github.camelmessenger.send;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.graph.GraphClient;
import io.github.camelmessenger.graph.GraphHealthCheck;
import io.github.camelmessenger.graph.GraphJson;
import io.github.camelmessenger.graph.GraphResponse;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.Platform;
import io.github.camelmessenger.model.SendResponse;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code messenger:send}: exchange -> Send API JSON -> validated -> one Graph call -> output headers. Synchronous: the
 * calling thread waits for the Graph answer, bounded by connectTimeout and responseTimeout. The body is left as it
 * was, so a failed exchange still holds the original message for a retry or a dead letter channel.
 */
public class MessengerProducer extends DefaultProducer {

    static final String MESSAGES_EDGE = "messages";

    private final MessengerConfiguration configuration;
    private final SendRequestResolver resolver;
    private Platform platform;
    private GraphClient graphClient;
    private AttachmentCache attachmentCache;
    private WritableHealthCheckRepository healthCheckRepository;
    private GraphHealthCheck healthCheck;

    public MessengerProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.resolver = new SendRequestResolver(configuration);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checkConfiguration(configuration);
        platform = configuration.platformType();
        graphClient = getEndpoint().getGraphClient();
        attachmentCache = configuration.isAttachmentCache()
                ? new AttachmentCache(Duration.ofMillis(configuration.getAttachmentCacheTtl()), Clock.systemUTC()) : null;
        // health checks are optional in Camel: register only where a repository is present (camel-health)
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new GraphHealthCheck("messenger-" + getEndpoint().getId(), graphClient,
                    Duration.ofMillis(configuration.getHealthCheckInterval()), Clock.systemUTC());
            healthCheck.setEnabled(((MessengerComponent) getEndpoint().getComponent()).isHealthCheckProducerEnabled());
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

    /** The rules checked when the route starts, so a misconfigured endpoint fails fast. */
    static void checkConfiguration(MessengerConfiguration configuration) {
        if (configuration.getAccessToken() == null || configuration.getAccessToken().isBlank()) {
            throw new IllegalArgumentException("messenger producers need the accessToken option (the Page access token)");
        }
        boolean messageTag = configuration.getMessagingType() == MessagingType.MESSAGE_TAG;
        boolean hasTag = configuration.getTag() != null && !configuration.getTag().isBlank();
        if (messageTag && !hasTag) {
            throw new IllegalArgumentException("messagingType=MESSAGE_TAG needs the tag option, e.g. tag=CONFIRMED_EVENT_UPDATE");
        }
        if (hasTag && !messageTag) {
            throw new IllegalArgumentException("tag=" + configuration.getTag() + " needs messagingType=MESSAGE_TAG, not "
                                               + configuration.getMessagingType());
        }
        configuration.platformType();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SendRequestResolver.Resolved resolved = resolver.resolve(exchange);
        List<String> parts = configuration.isSplitLongText() ? longTextParts(resolved) : List.of();
        if (parts.size() > 1) {
            sendInParts(exchange, resolved, parts);
            return;
        }
        SendRequestValidator.validate(resolved.request(), platform, resolved.file() != null);
        String cacheKey = attachmentCache == null ? null : AttachmentCache.keyOf(resolved);
        if (cacheKey == null) {
            setOutputHeaders(exchange, post(graphClient, configuration.getPageId(), MESSAGES_EDGE, resolved));
            return;
        }
        String attachmentId = attachmentCache.claim(cacheKey);
        if (attachmentId != null) {
            setOutputHeaders(exchange, post(graphClient, configuration.getPageId(), MESSAGES_EDGE, byAttachmentId(resolved, attachmentId)));
            return;
        }
        try {
            GraphResponse response = post(graphClient, configuration.getPageId(), MESSAGES_EDGE, reusable(resolved));
            attachmentCache.complete(cacheKey, response.body().attachmentId());
            setOutputHeaders(exchange, response);
        } catch (Exception | Error e) {
            attachmentCache.fail(cacheKey, e);
            throw e;
        }
    }

    private static SendRequestResolver.Resolved byAttachmentId(SendRequestResolver.Resolved resolved, String attachmentId) {
        ObjectNode request = resolved.request().deepCopy();
        ObjectNode payload = GraphJson.objectNode();
        payload.put("attachment_id", attachmentId);
        ((ObjectNode) request.path("message").path("attachment")).set("payload", payload);
        return new SendRequestResolver.Resolved(request, null);
    }

    private static SendRequestResolver.Resolved reusable(SendRequestResolver.Resolved resolved) {
        ObjectNode request = resolved.request().deepCopy();
        JsonNode attachment = request.path("message").path("attachment");
        ObjectNode payload = attachment.get("payload") instanceof ObjectNode existing ? existing : GraphJson.objectNode();
        payload.put("is_reusable", true);
        ((ObjectNode) attachment).set("payload", payload);
        return new SendRequestResolver.Resolved(request, resolved.file());
    }

    /** The parts of a text over the platform's limit, or an empty list when it needs no split. */
    private List<String> longTextParts(SendRequestResolver.Resolved resolved) {
        JsonNode text = resolved.request().path("message").path("text");
        if (!text.isTextual()) {
            return List.of();
        }
        int maxBytes = platform == Platform.INSTAGRAM ? SendRequestValidator.INSTAGRAM_TEXT_MAX_BYTES : Integer.MAX_VALUE;
        return TextSplitter.split(text.asText(), SendRequestValidator.TEXT_MAX_CHARACTERS, maxBytes);
    }

    /** Sends each part in order; quick replies go with the last. A failure keeps the ids of the parts already sent. */
    private void sendInParts(Exchange exchange, SendRequestResolver.Resolved resolved, List<String> parts) throws Exception {
        List<SendRequestResolver.Resolved> requests = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode request = resolved.request().deepCopy();
            ObjectNode message = (ObjectNode) request.get("message");
            message.put("text", parts.get(i));
            if (i < parts.size() - 1) {
                message.remove("quick_replies");
            }
            SendRequestValidator.validate(request, platform, false);
            requests.add(new SendRequestResolver.Resolved(request, null));
        }
        List<String> messageIds = new ArrayList<>();
        try {
            for (SendRequestResolver.Resolved part : requests) {
                GraphResponse response = post(graphClient, configuration.getPageId(), MESSAGES_EDGE, part);
                messageIds.add(response.body().messageId());
                setOutputHeaders(exchange, response);
            }
        } finally {
            exchange.getMessage().setHeader(MessengerConstants.MESSAGE_IDS, List.copyOf(messageIds));
        }
    }

    /**
     * A JSON request, or {@code multipart/form-data} with the file streamed as {@code filedata}. A message must come back
     * with its {@code message_id}: a 2xx without one does not confirm the send.
     */
    static GraphResponse post(GraphClient client, String pageId, String edge, SendRequestResolver.Resolved resolved)
            throws java.io.IOException {
        GraphResponse response = postUnchecked(client, pageId, edge, resolved);
        if (MESSAGES_EDGE.equals(edge) && resolved.request().has("message") && response.body().messageId() == null) {
            throw MessengerApiException.unconfirmed(200, "without a message_id", response.usageHeaders());
        }
        return response;
    }

    private static GraphResponse postUnchecked(GraphClient client, String pageId, String edge, SendRequestResolver.Resolved resolved)
            throws java.io.IOException {
        if (resolved.file() == null) {
            return client.post(pageId, edge, GraphJson.toBytes(resolved.request()));
        }
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        resolved.request().fields().forEachRemaining(
                field -> fields.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        return client.postMultipart(pageId, edge, fields, resolved.file());
    }

    static void setOutputHeaders(Exchange exchange, GraphResponse response) {
        SendResponse body = response.body();
        org.apache.camel.Message message = exchange.getMessage();
        setIfPresent(message, MessengerConstants.MESSAGE_ID, body.messageId());
        setIfPresent(message, MessengerConstants.RECIPIENT_ID, body.recipientId());
        setIfPresent(message, MessengerConstants.ATTACHMENT_ID, body.attachmentId());
        setIfPresent(message, MessengerConstants.APP_USAGE, response.usageHeaders().get(GraphClient.APP_USAGE));
        setIfPresent(message, MessengerConstants.PAGE_USAGE, response.usageHeaders().get(GraphClient.PAGE_USAGE));
        setIfPresent(message, MessengerConstants.BUSINESS_USE_CASE_USAGE,
                response.usageHeaders().get(GraphClient.BUSINESS_USE_CASE_USAGE));
    }

    private static void setIfPresent(org.apache.camel.Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
