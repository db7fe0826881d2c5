package io.github.camelmessenger.webhook;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerWebhookConsumer;
import io.github.camelmessenger.webhook.WebhookEvent.MessageEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook as Meta uses it: handshake, signatures, batches, every event kind, bad input. */
class WebhookConsumerTest extends WebhookTestSupport {

    private static final String PATH = "/messenger/webhook";
    private static final String PAGE = "106540352242922";
    private static final String PSID = "1254477777772919";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("messenger:webhook?verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET).routeId("webhook")
                        .to("mock:events");
                from("messenger:webhook?verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET
                        + "&webhookPath=/echoes&includeEchoes=true").to("mock:events");
                from("messenger:webhook?verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET
                        + "&webhookPath=/legacy&acceptSha1Signature=true").to("mock:events");
                from("messenger:webhook?verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET
                        + "&webhookPath=/small&maxBodySize=200").to("mock:events");
                from("messenger:webhook?verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET + "&webhookPath=/failing")
                        .throwException(new IllegalStateException("the route failed"));
            }
        };
    }

    // --- handshake

    @Test
    void handshakeAnswersTheChallengeVerbatim() throws Exception {
        HttpResponse<String> response = get(
                PATH + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void handshakeWithAnUrlEncodedTokenMatches() throws Exception {
        String token = "t ok+en/é&=";
        context.getRouteController().stopRoute("webhook");
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/encoded&appSecret=" + APP_SECRET + "&verifyToken=RAW(" + token + ")")
                        .to("mock:events");
            }
        });

        HttpResponse<String> response = get("/encoded?hub.mode=subscribe&hub.verify_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void handshakeAnswerIsPlainTextThatNoBrowserSniffs() throws Exception {
        HttpResponse<String> response = get(
                PATH + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "markup            | %3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "spaces            | abc%20def",
            "quotes            | %22x%22",
            "over 128 chars    | " + "1234567890123456789012345678901234567890123456789012345678901234"
                    + "12345678901234567890123456789012345678901234567890123456789012345",
            "empty             | ''"})
    void challengeOfAnotherShapeThanMetasIsRefusedNotEchoed(String name, String challenge) throws Exception {
        HttpResponse<String> response = get(PATH + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge="
                + ("''".equals(challenge) ? "" : challenge));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Bad Request");
    }

    @Test
    void missingChallengeIsRefused() throws Exception {
        assertThat(get(PATH + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong token      | ?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42",
            "missing token    | ?hub.mode=subscribe&hub.challenge=42",
            "missing mode     | ?hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=42",
            "wrong mode       | ?hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=42",
            "no parameters    | "})
    void handshakeIsRefused(String name, String query) throws Exception {
        HttpResponse<String> response = get(PATH + (query == null ? "" : query));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("42");
    }

    // --- signatures

    @Test
    void signedBatchIsSplitIntoOneExchangePerEvent() throws Exception {
        String batch = """
                {"object":"page","entry":[
                  {"id":"%1$s","time":1,"messaging":[
                    {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":1732500000001,"message":{"mid":"m_1","text":"first"}},
                    {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":1732500000002,"message":{"mid":"m_2","text":"second"}}]},
                  {"id":"999","time":2,"messaging":[
                    {"sender":{"id":"777"},"recipient":{"id":"999"},"timestamp":1732500000003,"delivery":{"mids":["m_0"],"watermark":5}}],
                   "standby":[
                    {"sender":{"id":"778"},"recipient":{"id":"999"},"timestamp":1732500000004,"read":{"watermark":6}}]}]}
                """
                .formatted(PAGE, PSID);
        events().expectedMessageCount(4);

        HttpResponse<String> response = postSigned(PATH, batch);

        assertThat(response.statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
        List<Exchange> exchanges = events().getReceivedExchanges();
        Exchange first = exchanges.get(0);
        assertThat(first.getIn().getHeader(MessengerConstants.SENDER_ID)).isEqualTo(PSID);
        assertThat(first.getIn().getHeader(MessengerConstants.EVENT_RECIPIENT_ID)).isEqualTo(PAGE);
        assertThat(first.getIn().getHeader(MessengerConstants.PAGE_ID)).isEqualTo(PAGE);
        assertThat(first.getIn().getHeader(MessengerConstants.TIMESTAMP)).isEqualTo(1732500000001L);
        assertThat(first.getIn().getHeader(MessengerConstants.EVENT_TYPE)).isEqualTo("message");
        assertThat(first.getIn().getHeader(MessengerConstants.MID)).isEqualTo("m_1");
        assertThat(first.getIn().getHeader(MessengerConstants.OBJECT)).isEqualTo("page");
        assertThat(first.getIn().getHeader(MessengerConstants.RECIPIENT_ID)).as("never the send header").isNull();
        assertThat(first.getIn().getBody(MessageEvent.class).text()).isEqualTo("first");
        assertThat(exchanges.get(1).getIn().getBody(MessageEvent.class).text()).isEqualTo("second");
        assertThat(exchanges.get(2).getIn().getBody()).isInstanceOf(WebhookEvent.DeliveryEvent.class);
        assertThat(exchanges.get(2).getIn().getHeader(MessengerConstants.PAGE_ID)).isEqualTo("999");
        assertThat(exchanges.get(3).getIn().getBody()).isInstanceOf(WebhookEvent.ReadEvent.class);
        assertThat(exchanges.get(3).getIn().getHeader(MessengerConstants.STANDBY)).isEqualTo(true);
        assertThat(exchanges.get(0).getIn().getBody(WebhookEvent.class).context().raw().path("message").path("mid").asText())
                .isEqualTo("m_1");
    }

    @Test
    void nonAsciiAndEmojiAreVerifiedOverTheRawBytes() throws Exception {
        // Meta escapes non-ASCII as \\uXXXX: re-serializing before hashing would break the signature
        String escaped = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"messaging\":[{\"sender\":{\"id\":\"" + PSID
                + "\"},\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":1,"
                + "\"message\":{\"mid\":\"m_u\",\"text\":\"Gr\\u00fc\\u00dfe \\ud83d\\ude00 caf\u00e9\"}}]}]}";
        events().expectedMessageCount(1);

        HttpResponse<String> response = postSigned(PATH, escaped);

        assertThat(response.statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
        assertThat(events().getReceivedExchanges().get(0).getIn().getBody(MessageEvent.class).text())
                .isEqualTo("Gr\u00fc\u00dfe \ud83d\ude00 caf\u00e9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing signature   | -                   | -",
            "wrong signature     | X-Hub-Signature-256 | sha256=0000000000000000000000000000000000000000000000000000000000000000",
            "not hex             | X-Hub-Signature-256 | sha256=zz-not-hex",
            "wrong algorithm tag | X-Hub-Signature-256 | md5=00ff",
            "empty               | X-Hub-Signature-256 | sha256=",
            "SHA1 without opt-in | X-Hub-Signature     | sha1=SIGN_SHA1"})
    void badSignatureIsRefusedAndNothingIsRouted(String name, String header, String value) throws Exception {
        byte[] body = textEvent("m_bad", "must not be routed").getBytes(StandardCharsets.UTF_8);
        String signature = "sha1=SIGN_SHA1".equals(value) ? sha1(body) : value;

        HttpResponse<String> response = post(PATH, body, "-".equals(header) ? null : header, signature);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void signatureOfAnotherBodyIsRefused() throws Exception {
        byte[] signed = textEvent("m_a", "original").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = textEvent("m_a", "tampered").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(PATH, tampered, WebhookSignature.SHA256_HEADER,
                WebhookSignature.sha256(signed, APP_SECRET));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void legacySha1IsAcceptedOnlyWithTheOptIn() throws Exception {
        byte[] body = textEvent("m_sha1", "legacy").getBytes(StandardCharsets.UTF_8);
        events().expectedMessageCount(1);

        HttpResponse<String> response = post("/legacy", body, WebhookSignature.SHA1_HEADER, sha1(body));

        assertThat(response.statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
    }

    // --- events

    @Test
    void everyEventKindIsTyped() throws Exception {
        String batch = """
                {"object":"page","entry":[{"id":"%1$s","time":1,"messaging":[
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":1,"message":{"mid":"m_t","text":"hi","quick_reply":{"payload":"RED"},"reply_to":{"mid":"m_prev"},"brand_new_field":{"x":1}}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":2,"message":{"mid":"m_a","attachments":[{"type":"image","payload":{"url":"https://x/a.png"}}]}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":3,"delivery":{"mids":["m_1","m_2"],"watermark":3}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":4,"read":{"watermark":4}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":5,"reaction":{"mid":"m_r","action":"react","reaction":"love","emoji":"\\u2764\\ufe0f"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":6,"postback":{"mid":"m_p","title":"Start","payload":"GET_STARTED"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":7,"referral":{"ref":"summer","source":"SHORTLINK","type":"OPEN_THREAD"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":8,"optin":{"type":"notification_messages","payload":"P","ref":"r1"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":9,"pass_thread_control":{"new_owner_app_id":"123","previous_owner_app_id":null,"metadata":"m"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":9,"take_thread_control":{"previous_owner_app_id":"123","new_owner_app_id":"456","metadata":"mine"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":9,"request_thread_control":{"requested_owner_app_id":123456789,"metadata":"please"}},
                  {"recipient":{"id":"%1$s"},"timestamp":9,"app_roles":{"123":["primary_receiver"],"456":["secondary_receiver"]}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":10,"policy_enforcement":{"action":"block","reason":"spam"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":11,"game_play":{"game_id":"g"}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":12,"message":"not an object"}
                ]}]}
                """
                .formatted(PAGE, PSID);
        events().expectedMessageCount(15);

        assertThat(postSigned(PATH, batch).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        List<Object> bodies = events().getReceivedExchanges().stream().map(e -> e.getIn().getBody()).toList();
        MessageEvent text = (MessageEvent) bodies.get(0);
        assertThat(text.text()).isEqualTo("hi");
        assertThat(text.quickReplyPayload()).isEqualTo("RED");
        assertThat(text.replyToMid()).isEqualTo("m_prev");
        MessageEvent attachment = (MessageEvent) bodies.get(1);
        assertThat(attachment.attachments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("image");
            assertThat(a.url()).isEqualTo("https://x/a.png");
        });
        assertThat(((WebhookEvent.DeliveryEvent) bodies.get(2)).mids()).containsExactly("m_1", "m_2");
        assertThat(((WebhookEvent.ReadEvent) bodies.get(3)).watermark()).isEqualTo(4L);
        WebhookEvent.ReactionEvent reaction = (WebhookEvent.ReactionEvent) bodies.get(4);
        assertThat(reaction.emoji()).isEqualTo("\u2764\ufe0f");
        assertThat(reaction.action()).isEqualTo("react");
        assertThat(((WebhookEvent.PostbackEvent) bodies.get(5)).payload()).isEqualTo("GET_STARTED");
        assertThat(((WebhookEvent.ReferralEvent) bodies.get(6)).ref()).isEqualTo("summer");
        assertThat(((WebhookEvent.OptinEvent) bodies.get(7)).optinType()).isEqualTo("notification_messages");
        assertThat(bodies.get(8)).isEqualTo(new WebhookEvent.PassThreadControlEvent(
                ((WebhookEvent) bodies.get(8)).context(), "123", null, "m"));
        assertThat(bodies.get(9)).isEqualTo(new WebhookEvent.TakeThreadControlEvent(
                ((WebhookEvent) bodies.get(9)).context(), "123", "456", "mine"));
        assertThat(bodies.get(10)).as("an app id Meta sends as a number").isEqualTo(
                new WebhookEvent.RequestThreadControlEvent(((WebhookEvent) bodies.get(10)).context(), "123456789", "please"));
        assertThat(((WebhookEvent.AppRolesEvent) bodies.get(11)).roles())
                .isEqualTo(Map.of("123", List.of("primary_receiver"), "456", List.of("secondary_receiver")));
        assertThat(((WebhookEvent.PolicyEnforcementEvent) bodies.get(12)).action()).isEqualTo("block");
        assertThat(bodies.get(13)).isInstanceOf(WebhookEvent.UnknownEvent.class);
        assertThat(bodies.get(14)).as("an odd event does not fail the batch").isInstanceOf(WebhookEvent.UnknownEvent.class);
        assertThat(
                events().getReceivedExchanges().stream().map(e -> e.getIn().getHeader(MessengerConstants.EVENT_TYPE)).toList())
                .containsExactly("message", "message", "delivery", "read", "reaction", "postback", "referral", "optin",
                        "pass_thread_control", "take_thread_control", "request_thread_control", "app_roles",
                        "policy_enforcement", "unknown", "unknown");
    }

    @Test
    void instagramMessageUnsentIsItsOwnEventNeverAMessage() throws Exception {
        String batch = """
                {"object":"instagram","entry":[{"id":"%1$s","time":1,"messaging":[
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":1,"message":{"mid":"m_gone","is_deleted":true}}
                ]}]}
                """.formatted(PAGE, PSID);
        events().expectedMessageCount(1);

        assertThat(postSigned(PATH, batch).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        Exchange exchange = events().getReceivedExchanges().get(0);
        assertThat(exchange.getIn().getBody()).isEqualTo(new WebhookEvent.MessageDeletedEvent(
                ((WebhookEvent) exchange.getIn().getBody()).context(), "m_gone"));
        assertThat(exchange.getIn().getHeader(MessengerConstants.EVENT_TYPE)).isEqualTo("message_deleted");
        assertThat(exchange.getIn().getHeader(MessengerConstants.MID)).isEqualTo("m_gone");
    }

    @Test
    void stickersAreTypedInBothOfMetasShapes() throws Exception {
        String batch = """
                {"object":"page","entry":[{"id":"%1$s","time":1,"messaging":[
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":1,"message":{"mid":"m_s1",
                   "attachments":[{"type":"sticker","payload":{"url":"https://x/s.png","sticker_id":369239263222822}}]}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":2,"message":{"mid":"m_s2","sticker_id":369239263222822,
                   "attachments":[{"type":"image","payload":{"url":"https://x/s.png","sticker_id":369239263222822}}]}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":3,"message":{"mid":"m_i",
                   "attachments":[{"type":"image","payload":{"url":"https://x/photo.png"}}]}}
                ]}]}
                """
                .formatted(PAGE, PSID);
        events().expectedMessageCount(3);

        assertThat(postSigned(PATH, batch).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        List<WebhookEvent.Attachment> attachments = events().getReceivedExchanges().stream()
                .map(e -> e.getIn().getBody(MessageEvent.class).attachments().get(0)).toList();
        assertThat(attachments.get(0).type()).isEqualTo(WebhookEvent.Attachment.STICKER);
        assertThat(attachments.get(0).stickerId()).isEqualTo(369239263222822L);
        assertThat(attachments.get(0).isSticker()).isTrue();
        assertThat(attachments.get(1).isSticker()).as("the image shape of the transition period").isTrue();
        assertThat(attachments.get(1).stickerId()).isEqualTo(369239263222822L);
        assertThat(attachments.get(2).isSticker()).isFalse();
        assertThat(attachments.get(2).stickerId()).isNull();
    }

    @Test
    void instagramEventsAreParsedToo() throws Exception {
        events().expectedMessageCount(1);

        assertThat(postSigned(PATH, textEvent("m_ig", "from instagram").replace("\"page\"", "\"instagram\"")).statusCode())
                .isEqualTo(200);

        events().assertIsSatisfied();
        assertThat(events().getReceivedExchanges().get(0).getIn().getHeader(MessengerConstants.OBJECT)).isEqualTo("instagram");
    }

    @Test
    void echoesAreSkippedUnlessIncluded() throws Exception {
        String echo = """
                {"object":"page","entry":[{"id":"%1$s","messaging":[
                  {"sender":{"id":"%1$s"},"recipient":{"id":"%2$s"},"timestamp":1,"message":{"mid":"m_e","text":"sent by the page","is_echo":true,"app_id":42}},
                  {"sender":{"id":"%2$s"},"recipient":{"id":"%1$s"},"timestamp":2,"message":{"mid":"m_u","text":"from the user"}}]}]}
                """
                .formatted(PAGE, PSID);

        events().expectedMessageCount(1);
        assertThat(postSigned(PATH, echo).statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
        assertThat(events().getReceivedExchanges().get(0).getIn().getHeader(MessengerConstants.MID)).isEqualTo("m_u");

        events().reset();
        events().expectedMessageCount(2);
        assertThat(postSigned("/echoes", echo).statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
        MessageEvent routedEcho = events().getReceivedExchanges().get(0).getIn().getBody(MessageEvent.class);
        assertThat(routedEcho.isEcho()).isTrue();
        assertThat(routedEcho.appId()).isEqualTo("42");
        assertThat(events().getReceivedExchanges().get(0).getIn().getHeader(MessengerConstants.EVENT_TYPE))
                .isEqualTo("message_echo");
    }

    // --- bad input

    @Test
    void malformedJsonIs400AndNothingIsRouted() throws Exception {
        assertThat(postSigned(PATH, "{\"object\":\"page\",\"entry\":[").statusCode()).isEqualTo(400);
        assertThat(postSigned(PATH, "[1,2,3]").statusCode()).isEqualTo(400);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void bodyOverTheLimitIs413AndNothingIsRouted() throws Exception {
        assertThat(postSigned("/small", textEvent("m_big", "x".repeat(500))).statusCode()).isEqualTo(413);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void wrongMethodIs405() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url(PATH)))
                        .PUT(HttpRequest.BodyPublishers.ofString(textEvent("m", "x"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void unhandledRouteFailureAnswers500SoThatMetaDeliversAgain() throws Exception {
        assertThat(postSigned("/failing", textEvent("m_f", "x")).statusCode()).isEqualTo(500);
    }

    @Test
    void rejectedCallsAreLoggedWithoutTheirPayload() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(MessengerWebhookConsumer.class);
        logger.addAppender(logs);
        try {
            String secretText = "my card number is 4111";
            post(PATH, textEvent("m_s", secretText).getBytes(StandardCharsets.UTF_8), null, null);
            postSigned(PATH, "{\"broken " + secretText);
            postSigned("/small", textEvent("m_s", secretText + "x".repeat(300)));

            assertThat(logs.list).hasSizeGreaterThanOrEqualTo(3);
            assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(secretText, PSID));
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static String textEvent(String mid, String text) {
        return io.github.camelmessenger.simulator.MessengerSimulator.textMessageEvent(PAGE, PSID, mid, text);
    }

    private static String sha1(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
