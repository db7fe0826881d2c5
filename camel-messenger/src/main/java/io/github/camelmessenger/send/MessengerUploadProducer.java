package io.github.camelmessenger.send;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.graph.GraphClient;
import io.github.camelmessenger.graph.GraphResponse;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code messenger:upload}: the Attachment Upload API ({@code POST /{pageId}/message_attachments}). Uploads a URL or a
 * file once and puts the reusable {@code attachment_id} in the CamelMessengerAttachmentId header, for any number of
 * later sends ({@code Attachment.byId} or the media template). The body is left as it was.
 */
public class MessengerUploadProducer extends DefaultProducer {

    static final String ATTACHMENTS_EDGE = "message_attachments";

    private final MessengerConfiguration configuration;
    private final SendRequestResolver resolver;
    private GraphClient graphClient;

    public MessengerUploadProducer(MessengerEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.resolver = new SendRequestResolver(configuration);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerProducer.checkConfiguration(configuration);
        graphClient = ((MessengerEndpoint) getEndpoint()).getGraphClient();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SendRequestResolver.Resolved resolved = resolver.resolveUpload(exchange);
        String type = resolved.request().path("message").path("attachment").path("type").asText("");
        if (!SendRequestValidator.MEDIA_TYPES.contains(type)) {
            throw new MessengerValidationException("message.attachment.type",
                    "An upload is audio, file, image or video, not '" + type + "'");
        }
        GraphResponse response = MessengerProducer.post(graphClient, configuration.getPageId(), ATTACHMENTS_EDGE, resolved);
        if (response.body().attachmentId() == null) {
            throw MessengerApiException.unconfirmed(200, "without an attachment_id", response.usageHeaders());
        }
        MessengerProducer.setOutputHeaders(exchange, response);
    }
}
