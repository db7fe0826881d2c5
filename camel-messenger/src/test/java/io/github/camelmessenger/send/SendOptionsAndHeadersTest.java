package io.github.camelmessenger.send;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.Reaction;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.ReplyTo;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.SenderAction;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each option, header and body type, checked on the JSON the simulator received. */
class SendOptionsAndHeadersTest extends MessengerTestSupport {

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("text body with the recipientId option", "recipientId=" + PSID, "Hello", Map.of(),
                        "{'recipient':{'id':'" + PSID + "'},'messaging_type':'RESPONSE','message':{'text':'Hello'}}"),
                arguments("messagingType option", "recipientId=1&messagingType=UPDATE", "Hi", Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'UPDATE','message':{'text':'Hi'}}"),
                arguments("tag option with MESSAGE_TAG", "recipientId=1&messagingType=MESSAGE_TAG&tag=CONFIRMED_EVENT_UPDATE",
                        "Your event starts at 9", Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'MESSAGE_TAG','tag':'CONFIRMED_EVENT_UPDATE',"
                                + "'message':{'text':'Your event starts at 9'}}"),
                arguments("an unknown tag is passed through", "recipientId=1&messagingType=MESSAGE_TAG&tag=SOME_NEW_TAG",
                        "x", Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'MESSAGE_TAG','tag':'SOME_NEW_TAG','message':{'text':'x'}}"),
                arguments("notificationType option", "recipientId=1&notificationType=SILENT_PUSH", "x", Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','notification_type':'SILENT_PUSH',"
                                + "'message':{'text':'x'}}"),
                arguments("personaId option", "recipientId=1&personaId=777", "x", Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','persona_id':'777','message':{'text':'x'}}"),
                arguments("recipient id header beats the option", "recipientId=1", "x",
                        Map.of(MessengerConstants.RECIPIENT_ID, "2"),
                        "{'recipient':{'id':'2'},'messaging_type':'RESPONSE','message':{'text':'x'}}"),
                arguments("user_ref header", "recipientId=1", "x", Map.of(MessengerConstants.RECIPIENT_USER_REF, "ref-9"),
                        "{'recipient':{'user_ref':'ref-9'},'messaging_type':'RESPONSE','message':{'text':'x'}}"),
                arguments("post_id header", "", "x", Map.of(MessengerConstants.RECIPIENT_POST_ID, "10_20"),
                        "{'recipient':{'post_id':'10_20'},'messaging_type':'RESPONSE','message':{'text':'x'}}"),
                arguments("comment_id header", "", "x", Map.of(MessengerConstants.RECIPIENT_COMMENT_ID, "30_40"),
                        "{'recipient':{'comment_id':'30_40'},'messaging_type':'RESPONSE','message':{'text':'x'}}"),
                arguments("messaging type and tag headers beat the options", "recipientId=1", "x",
                        Map.of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG, "ACCOUNT_UPDATE"),
                        "{'recipient':{'id':'1'},'messaging_type':'MESSAGE_TAG','tag':'ACCOUNT_UPDATE','message':{'text':'x'}}"),
                arguments("messaging type header as an enum", "recipientId=1", "x",
                        Map.of(MessengerConstants.MESSAGING_TYPE, MessagingType.UTILITY),
                        "{'recipient':{'id':'1'},'messaging_type':'UTILITY','message':{'text':'x'}}"),
                arguments("notification type header beats the option", "recipientId=1&notificationType=REGULAR", "x",
                        Map.of(MessengerConstants.NOTIFICATION_TYPE, "NO_PUSH"),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','notification_type':'NO_PUSH','message':{'text':'x'}}"),
                arguments("persona header beats the option", "recipientId=1&personaId=1", "x",
                        Map.of(MessengerConstants.PERSONA_ID, "2"),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','persona_id':'2','message':{'text':'x'}}"),
                arguments("metadata header", "recipientId=1", "x", Map.of(MessengerConstants.METADATA, "order-42"),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'text':'x','metadata':'order-42'}}"),
                arguments("reply_to header", "recipientId=1", "x", Map.of(MessengerConstants.REPLY_TO, "m_abc"),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','reply_to':{'mid':'m_abc'},'message':{'text':'x'}}"),
                arguments("String body with an attachment type is a URL", "recipientId=1", "https://example.com/cat.png",
                        Map.of(MessengerConstants.ATTACHMENT_TYPE, "image"),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE',"
                                + "'message':{'attachment':{'type':'image','payload':{'url':'https://example.com/cat.png'}}}}"),
                arguments("sender action header sends the action alone", "recipientId=1&personaId=5", "ignored body",
                        Map.of(MessengerConstants.SENDER_ACTION, "typing_on"),
                        "{'recipient':{'id':'1'},'sender_action':'typing_on','persona_id':'5'}"),
                arguments("mark_seen takes no persona", "recipientId=1&personaId=5", null,
                        Map.of(MessengerConstants.SENDER_ACTION, "mark_seen"),
                        "{'recipient':{'id':'1'},'sender_action':'mark_seen'}"),
                arguments("typing_off with a persona header", "recipientId=1", null,
                        Map.of(MessengerConstants.SENDER_ACTION, "TYPING_OFF", MessengerConstants.PERSONA_ID, "6"),
                        "{'recipient':{'id':'1'},'sender_action':'typing_off','persona_id':'6'}"),
                arguments("react header with a Reaction body", "recipientId=1&personaId=5",
                        io.github.camelmessenger.model.Reaction.react("m_1", "\ud83d\udc4d"),
                        Map.of(MessengerConstants.SENDER_ACTION, "react"),
                        "{'recipient':{'id':'1'},'sender_action':'react','payload':{'message_id':'m_1','reaction':'\ud83d\udc4d'}}"),
                arguments("Message body with quick replies", "recipientId=1",
                        Message.text("Pick a color").withQuickReplies(QuickReply.text("Red", "RED", "https://x/red.png"),
                                QuickReply.userEmail(), QuickReply.userPhoneNumber()),
                        Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'text':'Pick a color','quick_replies':["
                                + "{'content_type':'text','title':'Red','payload':'RED','image_url':'https://x/red.png'},"
                                + "{'content_type':'user_email'},{'content_type':'user_phone_number'}]}}"),
                arguments("Attachment body by reusable URL", "recipientId=1", Attachment.reusable("video", "https://x/v.mp4"),
                        Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'attachment':{'type':'video',"
                                + "'payload':{'url':'https://x/v.mp4','is_reusable':true}}}}"),
                arguments("Attachment body by attachment_id", "recipientId=1", Attachment.byId("file", "1857777774821032"),
                        Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'attachment':{'type':'file',"
                                + "'payload':{'attachment_id':'1857777774821032'}}}}"),
                arguments("template payload as a Map", "recipientId=1",
                        Message.template(Map.of("template_type", "button", "text", "Go?", "buttons",
                                List.of(Map.of("type", "postback", "title", "Yes", "payload", "YES")))),
                        Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'attachment':{'type':'template',"
                                + "'payload':{'template_type':'button','text':'Go?','buttons':[{'type':'postback','title':'Yes','payload':'YES'}]}}}}"),
                arguments("Map body is the message object", "recipientId=1", Map.of("text", "raw"), Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'text':'raw'}}"),
                arguments("JsonNode body is the message object", "recipientId=1", json("{'text':'tree','metadata':'m'}"),
                        Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'text':'tree','metadata':'m'}}"),
                arguments("SendRequest body beats headers and options", "recipientId=1&messagingType=UPDATE&personaId=1",
                        SendRequest.message(Recipient.userRef("u1"), Message.text("typed"))
                                .withMessagingType(MessagingType.RESPONSE).withPersonaId("3").withReplyTo(ReplyTo.mid("m_1")),
                        Map.of(MessengerConstants.RECIPIENT_ID, "2", MessengerConstants.PERSONA_ID, "2"),
                        "{'recipient':{'user_ref':'u1'},'messaging_type':'RESPONSE','persona_id':'3','reply_to':{'mid':'m_1'},"
                                + "'message':{'text':'typed'}}"),
                arguments("SendRequest body fields left unset come from headers, then options",
                        "recipientId=1&notificationType=NO_PUSH",
                        new SendRequest(null, null, null, null, Message.text("partial"), null, null, null, null),
                        Map.of(MessengerConstants.RECIPIENT_ID, "2"),
                        "{'recipient':{'id':'2'},'messaging_type':'RESPONSE','notification_type':'NO_PUSH','message':{'text':'partial'}}"),
                arguments("Reaction body reacts", "recipientId=1", Reaction.react("m_9", "\u2764\ufe0f"), Map.of(),
                        "{'recipient':{'id':'1'},'sender_action':'react','payload':{'message_id':'m_9','reaction':'\u2764\ufe0f'}}"),
                arguments("unreact", "recipientId=1", Reaction.unreact("m_9"), Map.of(),
                        "{'recipient':{'id':'1'},'sender_action':'unreact','payload':{'message_id':'m_9'}}"),
                arguments("SenderAction body", "recipientId=1", SenderAction.TYPING_OFF, Map.of(),
                        "{'recipient':{'id':'1'},'sender_action':'typing_off'}"),
                arguments("pageId option is the path segment", "recipientId=1&pageId=106540352242922", "x", Map.of(),
                        "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'text':'x'}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theSimulatorReceivesTheDocumentedRequest(String name, String options, Object body, Map<String, Object> headers,
            String expectedJson) {
        Exchange exchange = send(sendUri(options), body, headers);

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.requests()).hasSize(1);
        RecordedRequest request = simulator.lastRequest();
        assertThat(request.json()).isEqualTo(json(expectedJson));
        assertThat(request.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void pageIdAndApiVersionMakeThePath() {
        send(sendUri("recipientId=1&pageId=106540352242922&apiVersion=v24.0"), "x", Map.of());

        assertThat(simulator.lastRequest().path()).isEqualTo("/v24.0/106540352242922/messages");
    }

    @Test
    void defaultPathUsesMeAndTheDefaultVersion() {
        send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(simulator.lastRequest().path()).isEqualTo("/v25.0/me/messages");
    }

    @Test
    void successSetsMessageAndRecipientIdHeadersAndLeavesTheBody() {
        Message body = Message.text("keep me");
        Exchange exchange = send(sendUri("recipientId=" + PSID), body, Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class)).startsWith("m_sim");
        assertThat(exchange.getMessage().getHeader(MessengerConstants.RECIPIENT_ID)).isEqualTo(PSID);
        assertThat(exchange.getMessage().getBody()).isSameAs(body);
    }

    @Test
    void usageHeadersOfTheAnswerBecomeExchangeHeaders() {
        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(exchange.getMessage().getHeader(MessengerConstants.APP_USAGE, String.class)).contains("\"call_count\":1");
        assertThat(exchange.getMessage().getHeader(MessengerConstants.PAGE_USAGE, String.class)).contains("\"call_count\":2");
        assertThat(exchange.getMessage().getHeader(MessengerConstants.BUSINESS_USE_CASE_USAGE, String.class))
                .contains("estimated_time_to_regain_access");
    }

    @Test
    void reusableAttachmentSetsTheAttachmentIdHeader() {
        Exchange exchange = send(sendUri("recipientId=1"), Attachment.reusable("image", "https://x/a.png"), Map.of());

        assertThat(exchange.getMessage().getHeader(MessengerConstants.ATTACHMENT_ID, String.class)).isNotBlank();
    }

    @Test
    void everySendGetsItsOwnMessageId() {
        String first = send(sendUri("recipientId=1"), "a", Map.of()).getMessage().getHeader(MessengerConstants.MESSAGE_ID,
                String.class);
        String second = send(sendUri("recipientId=1"), "b", Map.of()).getMessage().getHeader(MessengerConstants.MESSAGE_ID,
                String.class);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void senderActionLeavesTheBodyAsItWas() {
        Exchange exchange = send(sendUri("recipientId=1"), "the body", Map.of(MessengerConstants.SENDER_ACTION, "typing_on"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("the body");
    }

    @Test
    void componentOptionsAreTheDefaultsOfEveryEndpoint() {
        io.github.camelmessenger.MessengerComponent component = context.getComponent("messenger",
                io.github.camelmessenger.MessengerComponent.class);
        component.getConfiguration().setAccessToken(TOKEN);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setRecipientId("99");
        component.getConfiguration().setNotificationType(io.github.camelmessenger.model.NotificationType.NO_PUSH);

        Exchange exchange = send("messenger:send?personaId=8", "from component", Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json()).isEqualTo(json(
                "{'recipient':{'id':'99'},'messaging_type':'RESPONSE','notification_type':'NO_PUSH','persona_id':'8',"
                        + "'message':{'text':'from component'}}"));
    }
}
