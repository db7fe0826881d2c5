package io.github.camelmessenger;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.PageCredentials;
import io.github.camelmessenger.internal.send.SendPlan;
import io.github.camelmessenger.internal.send.SendPlanner;
import io.github.camelmessenger.internal.send.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code messenger:upload}: the Attachment Upload API ({@code POST /{pageId}/message_attachments}). Uploads a URL or a
 * file once and puts the reusable {@code attachment_id} in the CamelMessengerAttachmentId header, for any number of
 * later sends ({@code Attachment.byId} or the media template). The body is left as it was.
 */
public class MessengerUploadProducer extends DefaultProducer {

    private final MessengerConfiguration configuration;
    private SendPlanner planner;
    private GraphClient client;
    private PageCredentials credentials;

    public MessengerUploadProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerSendProducer.checkConfiguration(configuration);
        planner = new SendPlanner(configuration);
        client = ((MessengerEndpoint) getEndpoint()).getGraphClient();
        credentials = PageCredentials.of(configuration.getAccessToken(), configuration.getAppSecret());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SendPlan plan = planner.planUpload(exchange, configuration.getPageId(), credentials);
        SendResult result = plan.send(client).join();
        MessengerSendProducer.setOutputHeaders(exchange.getMessage(), plan, result);
        if (result.failure() != null) {
            exchange.setException(result.failure());
        }
    }
}
