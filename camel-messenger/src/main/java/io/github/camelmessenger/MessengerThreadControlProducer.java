package io.github.camelmessenger;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelmessenger.internal.conversation.ConversationRequests;
import io.github.camelmessenger.internal.conversation.ThreadControl;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.PageCredentials;
import org.apache.camel.Exchange;

/**
 * {@code messenger:passThreadControl}, {@code takeThreadControl}, {@code requestThreadControl},
 * {@code releaseThreadControl} and {@code threadOwner}: Conversation Routing's thread control, for the person of
 * CamelMessengerRecipientId (else recipientId), with CamelMessengerMetadata for the other app. The body is left as it
 * was; threadOwner puts the controlling app in CamelMessengerThreadOwnerAppId.
 */
public class MessengerThreadControlProducer extends MessengerGraphProducer {

    private static final Map<MessengerOperation, ThreadControl> CONTROLS = Map.of(
            MessengerOperation.PASS_THREAD_CONTROL, ThreadControl.PASS,
            MessengerOperation.TAKE_THREAD_CONTROL, ThreadControl.TAKE,
            MessengerOperation.REQUEST_THREAD_CONTROL, ThreadControl.REQUEST,
            MessengerOperation.RELEASE_THREAD_CONTROL, ThreadControl.RELEASE);

    private final MessengerOperation operation;

    public MessengerThreadControlProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.operation = endpoint.getOperation();
    }

    @Override
    CompletableFuture<Outcome> call(Exchange exchange, String pageId, PageCredentials credentials, GraphClient client) {
        String psid = headerOr(exchange, MessengerConstants.RECIPIENT_ID, configuration.getRecipientId());
        if (operation == MessengerOperation.THREAD_OWNER) {
            GraphRequest request = ConversationRequests.threadOwner(pageId, credentials, psid);
            return client.execute(request).thenApply(response -> new Outcome(response, message -> message
                    .setHeader(MessengerConstants.THREAD_OWNER_APP_ID, ConversationRequests.ownerOf(response))));
        }
        GraphRequest request = ConversationRequests.threadControl(CONTROLS.get(operation), pageId, credentials, psid,
                headerOr(exchange, MessengerConstants.TARGET_APP_ID, configuration.getTargetAppId()),
                exchange.getMessage().getHeader(MessengerConstants.METADATA, String.class));
        return client.execute(request).thenApply(response -> {
            ConversationRequests.confirm(response);
            return new Outcome(response, message -> {
            });
        });
    }
}
