package io.github.camelmessenger.send;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.graph.GraphClient;
import io.github.camelmessenger.graph.GraphJson;
import io.github.camelmessenger.graph.GraphResponse;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.Platform;
import io.github.camelmessenger.model.SendResponse;
import org.apache.camel.Exchange;
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
        SendRequestValidator.validate(resolved.request(), platform, resolved.file() != null);
        GraphResponse response = post(graphClient, configuration.getPageId(), MESSAGES_EDGE, resolved);
        setOutputHeaders(exchange, response);
    }

    /** A JSON request, or {@code multipart/form-data} with the file streamed as {@code filedata}. */
    static GraphResponse post(GraphClient client, String pageId, String edge, SendRequestResolver.Resolved resolved)
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
