package io.github.camelmessenger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;

import io.github.camelmessenger.webhook.WebhookEvent;
import io.github.camelmessenger.webhook.WebhookEventParser;
import io.github.camelmessenger.webhook.WebhookSignature;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code messenger:webhook}: receives Messenger and Instagram webhook calls over Camel's platform-http (the
 * application picks the HTTP engine), verifies them, and routes one exchange per messaging event.
 * <ul>
 * <li>GET: the subscription handshake; the challenge is answered verbatim when {@code hub.verify_token} matches (in
 * constant time), 403 otherwise.</li>
 * <li>POST: 413 over {@code maxBodySize}; 403 unless the signature over the raw bytes is right; 400 for malformed
 * JSON; then each event is handed to the route and the call answered 200, or 500 if the route failed an event
 * without handling it, so that Meta delivers the batch again (deduplicate by mid).</li>
 * </ul>
 * Rejected calls are logged without their payload; none reaches the route.
 */
public class MessengerWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerWebhookConsumer.class);
    /** The challenge Meta sends is a number; anything beyond a short token of safe characters is refused, never echoed. */
    static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private final MessengerConfiguration configuration;
    private Consumer httpConsumer;

    public MessengerWebhookConsumer(MessengerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        if (isBlank(configuration.getVerifyToken()) || isBlank(configuration.getAppSecret())) {
            throw new IllegalArgumentException("messenger:webhook needs the verifyToken option (for the subscription"
                    + " handshake) and the appSecret option (to verify signatures)");
        }
        String path = configuration.getWebhookPath().startsWith("/")
                ? configuration.getWebhookPath()
                : "/" + configuration.getWebhookPath();
        Endpoint http = getEndpoint().getCamelContext().getEndpoint("platform-http:" + path + "?httpMethodRestrict=GET,POST");
        httpConsumer = http.createConsumer(this::onHttpRequest);
        ServiceHelper.startService(httpConsumer);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        super.doStop();
    }

    private void onHttpRequest(Exchange http) {
        String method = http.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        if ("GET".equalsIgnoreCase(method)) {
            handshake(http);
        } else if ("POST".equalsIgnoreCase(method)) {
            notification(http);
        } else {
            answer(http, 405, "Method Not Allowed");
        }
    }

    private void handshake(Exchange http) {
        String mode = http.getIn().getHeader("hub.mode", String.class);
        String token = http.getIn().getHeader("hub.verify_token", String.class);
        String challenge = http.getIn().getHeader("hub.challenge", String.class);
        if (!"subscribe".equals(mode) || token == null || !constantTimeEquals(token, configuration.getVerifyToken())) {
            LOG.warn("Webhook subscription handshake refused (403): {}",
                    token == null ? "no hub.verify_token" : "wrong hub.verify_token or mode");
            answer(http, 403, "Forbidden");
        } else if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            // the challenge is echoed back: only the shape Meta sends, so the endpoint never reflects markup or script
            LOG.warn("Webhook subscription handshake refused (400): hub.challenge is missing or not {}", CHALLENGE.pattern());
            answer(http, 400, "Bad Request");
        } else {
            LOG.info("Webhook subscription verified");
            answer(http, 200, challenge);
        }
    }

    private void notification(Exchange http) {
        byte[] body = http.getIn().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > configuration.getMaxBodySize()) {
            LOG.warn("Webhook POST refused (413): {} bytes over maxBodySize {}", body.length, configuration.getMaxBodySize());
            answer(http, 413, "Payload Too Large");
            return;
        }
        if (!WebhookSignature.isValid(body, configuration.getAppSecret(),
                http.getIn().getHeader(WebhookSignature.SHA256_HEADER, String.class),
                http.getIn().getHeader(WebhookSignature.SHA1_HEADER, String.class), configuration.isAcceptSha1Signature())) {
            LOG.warn("Webhook POST refused (403): missing, malformed or wrong signature");
            answer(http, 403, "Forbidden");
            return;
        }
        List<WebhookEvent> events;
        try {
            events = WebhookEventParser.parse(body);
        } catch (IllegalArgumentException notAJsonObject) {
            LOG.warn("Webhook POST refused (400): {}", notAJsonObject.getMessage());
            answer(http, 400, "Bad Request");
            return;
        }
        boolean allRouted = true;
        for (WebhookEvent event : events) {
            if (event instanceof WebhookEvent.MessageEvent message && message.isEcho() && !configuration.isIncludeEchoes()) {
                continue;
            }
            allRouted &= route(event);
        }
        answer(http, allRouted ? 200 : 500, allRouted ? "EVENT_RECEIVED" : "Internal Server Error");
    }

    private boolean route(WebhookEvent event) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            message.setBody(event);
            WebhookEvent.Context context = event.context();
            message.setHeader(MessengerConstants.OBJECT, context.object());
            message.setHeader(MessengerConstants.PAGE_ID, context.pageId());
            message.setHeader(MessengerConstants.SENDER_ID, context.senderId());
            message.setHeader(MessengerConstants.EVENT_RECIPIENT_ID, context.recipientId());
            message.setHeader(MessengerConstants.TIMESTAMP, context.timestamp());
            message.setHeader(MessengerConstants.EVENT_TYPE, event.type());
            message.setHeader(MessengerConstants.STANDBY, context.standby());
            String mid = mid(event);
            if (mid != null) {
                message.setHeader(MessengerConstants.MID, mid);
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            getExceptionHandler().handleException("Routing a webhook event failed", exchange, failure);
        }
        releaseExchange(exchange, false);
        return failure == null;
    }

    private static String mid(WebhookEvent event) {
        if (event instanceof WebhookEvent.MessageEvent message) {
            return message.mid();
        }
        if (event instanceof WebhookEvent.MessageDeletedEvent deleted) {
            return deleted.mid();
        }
        if (event instanceof WebhookEvent.ReactionEvent reaction) {
            return reaction.mid();
        }
        if (event instanceof WebhookEvent.PostbackEvent postback) {
            return postback.mid();
        }
        return event instanceof WebhookEvent.ReadEvent read ? read.mid() : null;
    }

    private static void answer(Exchange http, int status, String text) {
        Message response = http.getMessage();
        response.getHeaders().clear();
        response.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        response.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        // the handshake echoes a caller's value: no browser may read it as anything but plain text
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setBody(text);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
