package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.Reaction;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.SenderAction;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every documented rule: a breach fails with a MessengerValidationException naming the field, and sends nothing. */
class SendRequestValidationTest extends MessengerTestSupport {

    private static final String HIGH_SURROGATE = "\ud83d";
    private static final String EMOJI = "\ud83d\ude00";

    static Stream<Arguments> breaches() {
        return Stream.of(
                // name, options, body, headers, field, size, limit
                arguments("empty text", "recipientId=1", "", Map.of(), "message.text", 0, 1),
                arguments("text of 2000 characters", "recipientId=1", "a".repeat(2000), Map.of(), "message.text", 2000, 1999),
                arguments("text of 1999 characters plus an emoji", "recipientId=1", "a".repeat(1998) + EMOJI, Map.of(),
                        "message.text", 2000, 1999),
                arguments("text with an unpaired high surrogate", "recipientId=1", "bad " + HIGH_SURROGATE + " text", Map.of(),
                        "message.text", null, null),
                arguments("text with an unpaired low surrogate", "recipientId=1", "bad \ude00", Map.of(), "message.text", null,
                        null),
                arguments("text and attachment", "recipientId=1",
                        new Message("t", Attachment.image("https://x/a.png"), null, null, null), Map.of(), "message", null,
                        null),
                arguments("neither text nor attachment", "recipientId=1", new Message(null, null, null, "meta", null), Map.of(),
                        "message", null, null),
                arguments("metadata of 1000 characters", "recipientId=1", Message.text("x").withMetadata("m".repeat(1000)),
                        Map.of(), "message.metadata", 1000, 999),
                arguments("metadata header of 1000 characters", "recipientId=1", "x",
                        Map.of(MessengerConstants.METADATA, "m".repeat(1000)), "message.metadata", 1000, 999),
                arguments("14 quick replies", "recipientId=1", Message.text("x").withQuickReplies(
                        IntStream.range(0, 14).mapToObj(i -> QuickReply.text("q" + i, "P" + i)).toList()), Map.of(),
                        "message.quick_replies", 14, 13),
                arguments("quick reply title of 21 characters", "recipientId=1",
                        Message.text("x").withQuickReplies(QuickReply.text("ok", "OK"), QuickReply.text("t".repeat(21), "P")),
                        Map.of(), "message.quick_replies[1].title", 21, 20),
                arguments("quick reply payload of 1001 characters", "recipientId=1",
                        Message.text("x").withQuickReplies(QuickReply.text("t", "p".repeat(1001))), Map.of(),
                        "message.quick_replies[0].payload", 1001, 1000),
                arguments("quick reply of an unknown content type", "recipientId=1",
                        Message.text("x").withQuickReplies(new QuickReply("location", null, null, null)), Map.of(),
                        "message.quick_replies[0].content_type", null, null),
                arguments("text quick reply without payload", "recipientId=1",
                        Message.text("x").withQuickReplies(new QuickReply("text", "t", null, null)), Map.of(),
                        "message.quick_replies[0]", null, null),
                arguments("sender action with a message", "recipientId=1",
                        new SendRequest(Recipient.id("1"), null, null, null, Message.text("x"), SenderAction.TYPING_ON, null,
                                null, null),
                        Map.of(), "sender_action", null, null),
                arguments("MESSAGE_TAG without tag (header)", "recipientId=1", "x",
                        Map.of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG"), "tag", null, null),
                arguments("tag without MESSAGE_TAG (header)", "recipientId=1", "x",
                        Map.of(MessengerConstants.TAG, "HUMAN_AGENT"),
                        "messaging_type", null, null),
                arguments("CUSTOMER_FEEDBACK with text", "recipientId=1", "rate us",
                        Map.of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG, "CUSTOMER_FEEDBACK"),
                        "tag", null, null),
                arguments("CUSTOMER_FEEDBACK with another template", "recipientId=1",
                        Message.template(Map.of("template_type", "button", "text", "t", "buttons", List.of())),
                        Map.of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG, "CUSTOMER_FEEDBACK"),
                        "tag", null, null),
                arguments("no recipient", "", "x", Map.of(), "recipient", null, null),
                arguments("two recipient headers", "", "x",
                        Map.of(MessengerConstants.RECIPIENT_ID, "1", MessengerConstants.RECIPIENT_USER_REF, "u"), "recipient",
                        2, 1),
                arguments("a recipient with two identifiers", "",
                        SendRequest.message(new Recipient("1", "u", null, null, null, null),
                                Message.text("x")),
                        Map.of(), "recipient", 2, 1),
                arguments("attachment of an unknown type", "recipientId=1", Attachment.url("sticker", "https://x/s.png"),
                        Map.of(), "message.attachment.type", null, null),
                arguments("attachment type header not a media type", "recipientId=1", "https://x/a", Map.of(
                        MessengerConstants.ATTACHMENT_TYPE, "template"), "message.attachment.type", null, null),
                arguments("media attachment with neither url nor attachment_id", "recipientId=1",
                        new Attachment("image", Map.of()), Map.of(), "message.attachment.payload", null, null),
                arguments("template without template_type", "recipientId=1", Message.template(Map.of("text", "t")), Map.of(),
                        "message.attachment.payload.template_type", null, null),
                arguments("unknown sender action header", "recipientId=1", "x",
                        Map.of(MessengerConstants.SENDER_ACTION, "dance"), "sender_action", null, null),
                arguments("react without a Reaction body", "recipientId=1", "x",
                        Map.of(MessengerConstants.SENDER_ACTION, "react"), "payload", null, null),
                arguments("react without an emoji", "recipientId=1", new SendRequest(null, null, null, null, null,
                        SenderAction.REACT, new Reaction("m_1", null), null, null), Map.of(), "payload.reaction", null, null),
                arguments("unknown messaging type header", "recipientId=1", "x",
                        Map.of(MessengerConstants.MESSAGING_TYPE, "PROMOTION"), "messaging_type", null, null),
                arguments("unknown notification type header", "recipientId=1", "x",
                        Map.of(MessengerConstants.NOTIFICATION_TYPE, "LOUD"), "notification_type", null, null),
                arguments("Instagram text over 1000 UTF-8 bytes", "recipientId=1&platform=instagram", "\u00e9".repeat(501),
                        Map.of(), "message.text", 1002, 1000),
                arguments("Instagram with a tag other than HUMAN_AGENT", "recipientId=1&platform=instagram", "x",
                        Map.of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG, "ACCOUNT_UPDATE"),
                        "tag", null, null),
                arguments("null body", "recipientId=1", null, Map.of(), "message", null, null),
                arguments("an unsupported body type", "recipientId=1", 42, Map.of(), "message", null, null),
                arguments("byte[] body without attachment type", "recipientId=1", new byte[]{1, 2}, Map.of(),
                        "message.attachment.type", null, null),
                arguments("File body without attachment type", "recipientId=1", new File("cat.png"), Map.of(),
                        "message.attachment.type", null, null),
                arguments("Path body without attachment type", "recipientId=1", Path.of("cat.png"), Map.of(),
                        "message.attachment.type", null, null),
                arguments("InputStream body without attachment type", "recipientId=1", new ByteArrayInputStream(new byte[0]),
                        Map.of(), "message.attachment.type", null, null),
                arguments("byte[] body with a template attachment type", "recipientId=1", new byte[]{1},
                        Map.of(MessengerConstants.ATTACHMENT_TYPE, "template"), "message.attachment.type", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void breachIsRejectedBeforeSending(String name, String options, Object body, Map<String, Object> headers,
            String field, Integer size, Integer limit) {
        Exchange exchange = send(sendUri(options), body, headers);

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
        MessengerValidationException e = (MessengerValidationException) exchange.getException();
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getActualSize()).isEqualTo(size);
        assertThat(e.getLimit()).isEqualTo(limit);
        assertThat(e.getMessage()).startsWith(field);
        if (size != null) {
            assertThat(e.getMessage()).contains(String.valueOf(size)).contains(String.valueOf(limit));
        }
        assertThat(simulator.requests()).as("no request may reach the Graph API").isEmpty();
    }

    static Stream<Arguments> atTheLimit() {
        return Stream.of(
                arguments("text of 1999 characters", "a".repeat(1999), Map.of()),
                arguments("text with a paired emoji", "ok " + EMOJI, Map.of()),
                arguments("metadata of 999 characters", Message.text("x").withMetadata("m".repeat(999)), Map.of()),
                arguments("13 quick replies with 20-character titles and 1000-character payloads", Message.text("x")
                        .withQuickReplies(Collections.nCopies(13, QuickReply.text("t".repeat(20), "p".repeat(1000)))),
                        Map.of()),
                arguments("CUSTOMER_FEEDBACK with a customer feedback template",
                        Message.template(Map.of("template_type", "customer_feedback", "title", "Rate us", "feedback_screens",
                                List.of(Map.of("questions", List.of(Map.of("id", "q", "type", "csat", "title", "Happy?")))))),
                        Map.of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG, "CUSTOMER_FEEDBACK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atTheLimit")
    void valueAtTheLimitIsSent(String name, Object body, Map<String, Object> headers) {
        Exchange exchange = send(sendUri("recipientId=1"), body, headers);

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void instagramTextOfExactly1000BytesIsSent() {
        Exchange exchange = send(sendUri("recipientId=1&platform=instagram"), "\u00e9".repeat(500), Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void instagramAcceptsHumanAgent() {
        Exchange exchange = send(sendUri("recipientId=1&platform=instagram&messagingType=MESSAGE_TAG&tag=HUMAN_AGENT"), "x",
                Map.of());

        assertThat(exchange.getException()).isNull();
    }
}
