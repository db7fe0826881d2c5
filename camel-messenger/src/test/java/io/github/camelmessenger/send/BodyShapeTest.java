package io.github.camelmessenger.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Message;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bodies that cannot become JSON (a cycle, an absurd nesting) and bodies of the wrong shape (an object where an array
 * is expected, a number where a string is) end in a MessengerValidationException naming the field: never a
 * StackOverflowError, a NullPointerException or a ClassCastException, and never a request.
 */
class BodyShapeTest extends MessengerTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Map<String, Object> selfContaining() {
        Map<String, Object> message = new HashMap<>();
        message.put("text", "hi");
        message.put("loop", message);
        return message;
    }

    static Map<String, Object> nested(int depth) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("text", "hi");
        Map<String, Object> current = root;
        for (int i = 0; i < depth; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            current.put("deeper", next);
            current = next;
        }
        return root;
    }

    static Stream<Arguments> unwritableBodies() {
        ObjectNode selfContainingNode = MAPPER.createObjectNode().put("text", "hi");
        selfContainingNode.set("loop", selfContainingNode);
        List<Object> selfContainingList = new ArrayList<>();
        selfContainingList.add(selfContainingList);
        return Stream.of(
                arguments("a Map that contains itself", selfContaining(), "contains itself"),
                arguments("a Map nested 5,000 levels deep", nested(5000), "nests deeper than 64 levels"),
                arguments("a JsonNode that contains itself", selfContainingNode, "contains itself"),
                arguments("a List that contains itself, in a quick reply",
                        Map.of("text", "hi", "quick_replies", selfContainingList),
                        "contains itself"),
                arguments("a typed attachment holding a self-containing payload", Attachment.template(selfContaining()),
                        "contains itself"),
                arguments("a value Jackson cannot write", Map.of("text", "hi", "x", new Object()),
                        "cannot be written as JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritableBodies")
    @Timeout(10)
    void aBodyThatCannotBecomeJsonIsAValidationError(String name, Object body, String says) {
        Exchange exchange = send(sendUri("recipientId=1"), body, Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining(says);
        assertThat(((MessengerValidationException) exchange.getException()).getField()).isEqualTo("message");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void aBodyNestedJustUnderTheLimitIsWritten() {
        Exchange exchange = send(sendUri("recipientId=1"), nested(60), Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json().at("/message" + "/deeper".repeat(60)).isObject()).isTrue();
    }

    @Test
    void sharingOneValueTwiceIsNotACycle() {
        Map<String, Object> reply = Map.of("content_type", "text", "title", "Yes", "payload", "YES");
        Exchange exchange = send(sendUri("recipientId=1"), Map.of("text", "Sure?", "quick_replies", List.of(reply, reply)),
                Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.requests()).hasSize(1);
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(
                // name, message JSON, field, expected shape
                arguments("quick_replies as an object", "{'text':'x','quick_replies':{'title':'a'}}", "message.quick_replies",
                        "an array"),
                arguments("quick_replies as a string", "{'text':'x','quick_replies':'a'}", "message.quick_replies", "an array"),
                arguments("a quick reply as a number", "{'text':'x','quick_replies':[42]}", "message.quick_replies[0]",
                        "an object"),
                arguments("a quick reply as null", "{'text':'x','quick_replies':[null]}", "message.quick_replies[0]",
                        "an object"),
                arguments("a quick reply title as a number",
                        "{'text':'x','quick_replies':[{'content_type':'text','title':7,'payload':'P'}]}",
                        "message.quick_replies[0].title", "a string"),
                arguments("content_type as an array", "{'text':'x','quick_replies':[{'content_type':['text']}]}",
                        "message.quick_replies[0].content_type", "a string"),
                arguments("text as a number", "{'text':42}", "message.text", "a string"),
                arguments("text as an object", "{'text':{'body':'x'}}", "message.text", "a string"),
                arguments("text as a boolean", "{'text':true}", "message.text", "a string"),
                arguments("metadata as an object", "{'text':'x','metadata':{}}", "message.metadata", "a string"),
                arguments("attachment as a string", "{'attachment':'https://x/a.png'}", "message.attachment", "an object"),
                arguments("attachment type as a number", "{'attachment':{'type':1,'payload':{'url':'u'}}}",
                        "message.attachment.type", "a string"),
                arguments("payload as an array", "{'attachment':{'type':'image','payload':['u']}}",
                        "message.attachment.payload", "an object"),
                arguments("payload url as a number", "{'attachment':{'type':'image','payload':{'url':5}}}",
                        "message.attachment.payload.url", "a string"),
                arguments("is_reusable as a string",
                        "{'attachment':{'type':'image','payload':{'url':'u','is_reusable':'yes'}}}",
                        "message.attachment.payload.is_reusable", "a boolean"),
                arguments("template_type as an object", "{'attachment':{'type':'template','payload':{'template_type':{}}}}",
                        "message.attachment.payload.template_type", "a string"),
                arguments("elements as an object",
                        "{'attachment':{'type':'template','payload':{'template_type':'generic','elements':{}}}}",
                        "message.attachment.payload.elements", "an array"),
                arguments("an element as a string",
                        "{'attachment':{'type':'template','payload':{'template_type':'generic','elements':['x']}}}",
                        "message.attachment.payload.elements[0]", "an object"),
                arguments("an empty elements array",
                        "{'attachment':{'type':'template','payload':{'template_type':'generic','elements':[]}}}",
                        "message.attachment.payload.elements", "at least 1"),
                arguments("buttons as a string",
                        "{'attachment':{'type':'template','payload':{'template_type':'button','text':'t','buttons':'b'}}}",
                        "message.attachment.payload.buttons", "an array"),
                arguments("a button as a number",
                        "{'attachment':{'type':'template','payload':{'template_type':'button','text':'t','buttons':[1]}}}",
                        "message.attachment.payload.buttons[0]", "an object"),
                arguments("a button title as an array",
                        "{'attachment':{'type':'template','payload':{'template_type':'button','text':'t',"
                                + "'buttons':[{'type':'postback','title':[],'payload':'P'}]}}}",
                        "message.attachment.payload.buttons[0].title", "a string"),
                arguments("messenger_extensions as a string",
                        "{'attachment':{'type':'template','payload':{'template_type':'button','text':'t',"
                                + "'buttons':[{'type':'web_url','title':'T','url':'u','messenger_extensions':'true'}]}}}",
                        "message.attachment.payload.buttons[0].messenger_extensions", "a boolean"),
                arguments("media element media_type as a number",
                        "{'attachment':{'type':'template','payload':{'template_type':'media',"
                                + "'elements':[{'media_type':1,'attachment_id':'1'}]}}}",
                        "message.attachment.payload.elements[0].media_type", "a string"),
                arguments("image grid hero flag as a string",
                        "{'attachment':{'type':'template','payload':{'template_type':'image_grid',"
                                + "'elements':[{'images':[{'url':'a','is_hero_image':'yes'},{'url':'b'}]}]}}}",
                        "message.attachment.payload.elements[0].images[0].is_hero_image", "a boolean"),
                arguments("sticker_id as a string of letters", "{'sticker_id':'abc'}", "message.sticker_id", "a sticker id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShapes")
    void aFieldOfTheWrongShapeIsNamedWithTheShapeExpected(String name, String message, String field, String expected)
            throws Exception {
        JsonNode body = MAPPER.readTree(message.replace('\'', '"'));

        Exchange asJsonNode = send(sendUri("recipientId=1"), body, Map.of());
        Exchange asMap = send(sendUri("recipientId=1"), MAPPER.convertValue(body, Map.class), Map.of());

        for (Exchange exchange : List.of(asJsonNode, asMap)) {
            assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
            MessengerValidationException e = (MessengerValidationException) exchange.getException();
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field).contains(expected);
        }
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void aStickerIsSentByItsId() {
        Exchange exchange = send(sendUri("recipientId=1"), Message.sticker(767226160478561L), Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json()).isEqualTo(json(
                "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'sticker_id':767226160478561}}"));
    }
}
