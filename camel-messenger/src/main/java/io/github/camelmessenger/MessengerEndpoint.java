package io.github.camelmessenger;

import java.util.Map;

import io.github.camelmessenger.internal.graph.GraphClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The Messenger Platform (Facebook Messenger and Instagram messaging): send messages and sender actions, upload
 * attachments, receive webhook events, route conversations between apps, read profiles, manage personas.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "messenger", title = "Messenger", syntax = "messenger:operation", category = {
        Category.SOCIAL, Category.CHAT}, headersClass = MessengerConstants.class)
public class MessengerEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(enums = "send,upload,webhook,passThreadControl,takeThreadControl,requestThreadControl,releaseThreadControl,"
            + "threadOwner,userProfile,personas",
            description = "The operation: send (producer) posts a message or a sender action to the Send API; upload"
                    + " (producer) uploads an attachment for a reusable attachment_id; webhook (consumer) receives"
                    + " Messenger and Instagram webhook events; passThreadControl, takeThreadControl,"
                    + " requestThreadControl, releaseThreadControl and threadOwner (producers) route a conversation"
                    + " between apps; userProfile (producer) reads a person's profile; personas (producer) creates, gets,"
                    + " lists and deletes the Page's personas.")
    @Metadata(required = true)
    private MessengerOperation operation;

    @UriParam
    private MessengerConfiguration configuration;

    public MessengerEndpoint(String uri, MessengerComponent component, MessengerOperation operation,
            MessengerConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (operation == MessengerOperation.WEBHOOK) {
            throw new UnsupportedOperationException("messenger:" + operationName() + " is a consumer: use it in from(...)");
        }
        return switch (operation) {
            case SEND -> new MessengerSendProducer(this);
            case UPLOAD -> new MessengerUploadProducer(this);
            case USER_PROFILE -> new MessengerUserProfileProducer(this);
            case PERSONAS -> new MessengerPersonasProducer(this);
            default -> new MessengerThreadControlProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != MessengerOperation.WEBHOOK) {
            throw new UnsupportedOperationException("messenger:" + operationName()
                    + " is a producer: use it in to(...), not in from(...)");
        }
        MessengerWebhookConsumer consumer = new MessengerWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private String operationName() {
        return operation.toString();
    }

    /** The Graph API as this endpoint sees it, over the component's shared connection pool for its connection options. */
    GraphClient graphClient() {
        return new GraphClient(getComponent().transport(configuration), configuration.getBaseUrl(),
                configuration.getApiVersion(),
                configuration.getResponseTimeout());
    }

    @Override
    public MessengerComponent getComponent() {
        return (MessengerComponent) super.getComponent();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("pageId", String.valueOf(configuration.getPageId()), "apiVersion", configuration.getApiVersion());
    }

    public MessengerOperation getOperation() {
        return operation;
    }

    public void setOperation(MessengerOperation operation) {
        this.operation = operation;
    }

    public MessengerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }
}
