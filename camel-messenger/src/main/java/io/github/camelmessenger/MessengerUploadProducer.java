package io.github.camelmessenger;

import java.util.concurrent.CompletableFuture;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.send.SendPlan;
import io.github.camelmessenger.internal.send.SendPlanner;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code messenger:upload}: the Attachment Upload API ({@code POST /{pageId}/message_attachments}). Uploads a URL or a
 * file once and puts the reusable {@code attachment_id} in the CamelMessengerAttachmentId header, for any number of
 * later sends ({@code Attachment.byId} or the media template). Non-blocking, like every producer; the body is left as
 * it was.
 */
public class MessengerUploadProducer extends DefaultAsyncProducer {

    private final MessengerConfiguration configuration;
    private final PageTokens pages;
    private SendPlanner planner;
    private GraphClient client;

    public MessengerUploadProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.pages = new PageTokens(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerSendProducer.checkConfiguration(configuration, pages);
        planner = new SendPlanner(configuration);
        client = ((MessengerEndpoint) getEndpoint()).graphClient();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<MessengerSendProducer.Sent> sent;
        try {
            String pageId = pages.pageOf(exchange);
            SendPlan plan = planner.planUpload(exchange, pageId, pages.credentialsOf(pageId));
            sent = plan.send(client).thenApply(result -> new MessengerSendProducer.Sent(plan, result));
        } catch (RuntimeException invalid) {
            return AsyncCompletion.failed(exchange, callback, invalid);
        }
        return AsyncCompletion.complete(exchange, callback, sent, MessengerSendProducer::applyOutcome);
    }
}
