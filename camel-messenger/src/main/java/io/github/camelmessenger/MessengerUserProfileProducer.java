package io.github.camelmessenger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelmessenger.internal.conversation.ConversationRequests;
import io.github.camelmessenger.internal.conversation.UserProfileCache;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.model.UserProfile;
import org.apache.camel.Exchange;

/**
 * {@code messenger:userProfile}: the profile of the person of CamelMessengerRecipientId (else recipientId) as the body,
 * a {@link UserProfile} with the fields asked for. With {@code userProfileCacheTtl} a profile read once is answered
 * again from memory for that long.
 */
public class MessengerUserProfileProducer extends MessengerGraphProducer {

    private UserProfileCache cache;

    public MessengerUserProfileProducer(MessengerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ConversationRequests.fields(configuration.getFields());
        cache = configuration.getUserProfileCacheTtl() > 0
                ? new UserProfileCache(Duration.ofMillis(configuration.getUserProfileCacheTtl()), Clock.systemUTC())
                : null;
    }

    @Override
    CompletableFuture<Outcome> call(Exchange exchange, String pageId, PageCredentials credentials, GraphClient client) {
        String psid = headerOr(exchange, MessengerConstants.RECIPIENT_ID, configuration.getRecipientId());
        String fields = ConversationRequests.fields(configuration.getFields());
        UserProfile cached = cache == null ? null : cache.get(pageId, psid, fields);
        if (cached != null) {
            return CompletableFuture.completedFuture(new Outcome(GraphResponse.NONE, message -> message.setBody(cached)));
        }
        return client.execute(ConversationRequests.userProfile(credentials, psid, fields)).thenApply(response -> {
            UserProfile profile = ConversationRequests.profile(response);
            if (cache != null) {
                cache.put(pageId, psid, fields, profile);
            }
            return new Outcome(response, message -> message.setBody(profile));
        });
    }
}
