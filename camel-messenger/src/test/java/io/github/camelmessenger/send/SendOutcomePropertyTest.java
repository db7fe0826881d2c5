package io.github.camelmessenger.send;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.template.Button;
import io.github.camelmessenger.model.template.ButtonTemplate;
import io.github.camelmessenger.model.template.GenericTemplate;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies (JSON of random shape and depth with the field names the validator reads, Meta's samples mutated at
 * random, strings from every Unicode plane, typed models with random values) each end in exactly one of: a request the
 * simulator accepts, or a MessengerValidationException with no request sent. Any other outcome (an unchecked exception,
 * a Graph error from the simulator, a request for a rejected body) fails the property. The seeds are fixed so that CI
 * runs the same tries every time; jqwik prints the seed and the shrunk sample of a failure.
 */
class SendOutcomePropertyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The field names the validator and the resolver read: a random tree uses them so that it reaches every check. */
    private static final List<String> KEYS = List.of("text", "attachment", "type", "payload", "url", "attachment_id",
            "is_reusable",
            "template_type", "elements", "title", "subtitle", "image_url", "buttons", "quick_replies", "content_type",
            "metadata",
            "sticker_id", "media_type", "images", "is_hero_image", "feedback_screens", "questions", "coupon_code", "coupon_url",
            "recipient_name", "order_number", "currency", "payment_method", "id", "default_action", "messenger_extensions",
            "webview_share_button", "fallback_url", "webview_height_ratio", "game_metadata", "x");
    /** The values those fields take in valid requests. */
    private static final List<String> WORDS = List.of("generic", "button", "media", "receipt", "product", "coupon",
            "customer_feedback", "image_grid", "template", "image", "video", "audio", "file", "like_heart", "MEDIA_SHARE",
            "text",
            "user_email", "user_phone_number", "web_url", "postback", "phone_number", "account_link", "account_unlink",
            "game_play", "+15551234", "https://x/a.png", "PAYLOAD", "hide", "tall", "", " ");
    /** Meta's sample messages, the starting points of the mutations. */
    private static final List<String> SAMPLES = List.of(
            "{'text':'hello'}",
            "{'text':'Pick','quick_replies':[{'content_type':'text','title':'Red','payload':'RED'},{'content_type':'user_email'}]}",
            "{'attachment':{'type':'image','payload':{'url':'https://x/a.png','is_reusable':true}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'button','text':'Next?','buttons':["
                    + "{'type':'postback','title':'Yes','payload':'YES'},{'type':'web_url','title':'Site','url':'https://x'}]}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'generic','elements':[{'title':'Hat','subtitle':'s',"
                    + "'default_action':{'type':'web_url','url':'https://x'},'buttons':[{'type':'phone_number','title':'Call','payload':'+1555'}]}]}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'media','elements':[{'media_type':'image','attachment_id':'1'}]}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'receipt','recipient_name':'J','order_number':'1',"
                    + "'currency':'EUR','payment_method':'Visa','elements':[{'title':'Shirt','price':5}]}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'image_grid','elements':[{'images':[{'url':'a',"
                    + "'is_hero_image':true},{'url':'b'}],'buttons':[{'type':'postback','title':'t','payload':'p'}]}]}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'coupon','title':'10% off','coupon_code':'SAVE'}}}",
            "{'attachment':{'type':'template','payload':{'template_type':'product','elements':[{'id':'p1'}]}}}",
            "{'sticker_id':767226160478561}");

    private static MessengerSimulator simulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        simulator = MessengerSimulator.start("property-token").recording(true);
        context = new DefaultCamelContext();
        MessengerComponent messenger = new MessengerComponent();
        messenger.getConfiguration().setAccessToken("property-token");
        messenger.getConfiguration().setBaseUrl(simulator.baseUrl());
        messenger.getConfiguration().setRecipientId("1254477777772919");
        context.addComponent("messenger", messenger);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() {
        context.stop();
        simulator.close();
    }

    @Property(tries = 400, seed = "20261125")
    void anyJsonMessageIsSentOrRefusedBeforeSending(@ForAll("messages") JsonNode message, @ForAll boolean asMap,
            @ForAll boolean instagram) {
        Object body = asMap && message.isObject() ? MAPPER.convertValue(message, Map.class) : message;
        assertSentOrRefused(body, instagram ? "messenger:send?platform=instagram" : "messenger:send", Map.of());
    }

    @Property(tries = 300, seed = "20261126")
    void anyTextIsSentOrRefusedBeforeSending(@ForAll("texts") String text, @ForAll boolean instagram,
            @ForAll("tagHeaders") Map<String, Object> headers) {
        assertSentOrRefused(text, instagram ? "messenger:send?platform=instagram" : "messenger:send", headers);
    }

    @Property(tries = 300, seed = "20261127")
    void anyTypedMessageIsSentOrRefusedBeforeSending(@ForAll("typedBodies") Object body) {
        assertSentOrRefused(body, "messenger:send", Map.of());
    }

    private static void assertSentOrRefused(Object body, String uri, Map<String, Object> headers) {
        int before = simulator.requests().size();
        Exchange exchange = template.send(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new HashMap<>(headers));
        });
        List<RecordedRequest> sent = simulator.requests().subList(before, simulator.requests().size());
        Exception failure = exchange.getException();
        Statistics.collect(failure == null ? "sent" : failure.getClass().getSimpleName());
        if (failure == null) {
            assertThat(sent).as("a success is one request the simulator accepted").singleElement()
                    .satisfies(request -> assertThat(request.delivered()).isTrue());
            assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).isNotNull();
        } else {
            assertThat(failure).as("the only failure allowed is a validation error")
                    .isInstanceOf(MessengerValidationException.class);
            assertThat(((MessengerValidationException) failure).getField()).isNotBlank();
            assertThat(sent).as("a refused body sends nothing").isEmpty();
        }
    }

    @Provide
    Arbitrary<JsonNode> messages() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, value(4)),
                Tuple.of(5, mutatedSamples()),
                Tuple.of(2, Arbitraries.of(SAMPLES).map(SendOutcomePropertyTest::parse)));
    }

    /** Meta's samples with one node replaced by a random value, or one field removed. */
    private Arbitrary<JsonNode> mutatedSamples() {
        return Combinators
                .combine(Arbitraries.of(SAMPLES), Arbitraries.integers().between(0, 1000), value(2),
                        Arbitraries.of(true, false))
                .as((sample, choice, replacement, remove) -> {
                    JsonNode tree = parse(sample);
                    List<JsonNode> containers = new ArrayList<>();
                    collectContainers(tree, containers);
                    JsonNode target = containers.get(choice % containers.size());
                    if (target instanceof ObjectNode object && object.size() > 0) {
                        List<String> names = new ArrayList<>();
                        object.fieldNames().forEachRemaining(names::add);
                        String name = names.get(choice % names.size());
                        if (remove) {
                            object.remove(name);
                        } else {
                            object.set(name, replacement);
                        }
                    } else if (target instanceof ArrayNode array && array.size() > 0) {
                        array.set(choice % array.size(), replacement);
                    }
                    return tree;
                });
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, into));
        }
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().between(-5, 3000).map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigDecimals().ofScale(2).between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000))
                        .map(NODES::numberNode),
                Arbitraries.of(WORDS).map(NODES::textNode),
                Arbitraries.strings().all().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.strings().withChars('a').ofMinLength(1990).ofMaxLength(2010).map(NODES::textNode));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = value(depth - 1).list().ofMaxSize(15).map(elements -> {
            ArrayNode array = NODES.arrayNode();
            elements.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of(KEYS), value(depth - 1)).ofMaxSize(5).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(2, arrays),
                Tuple.of(4, objects));
    }

    /** Strings of every Unicode plane, unpaired surrogates included, around the text limits. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> codePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .map(codePoint -> new String(Character.toChars(codePoint))).list().ofMaxSize(1100)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(codePoints, Arbitraries.strings().all().ofMaxLength(2100),
                Arbitraries.strings().withCharRange('\u00e0', '\u00ff').ofMinLength(490).ofMaxLength(510));
    }

    @Provide
    Arbitrary<Map<String, Object>> tagHeaders() {
        return Arbitraries.of(
                Map.<String, Object>of(),
                Map.<String, Object>of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG, "HUMAN_AGENT"),
                Map.<String, Object>of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG", MessengerConstants.TAG,
                        "ACCOUNT_UPDATE"),
                Map.<String, Object>of(MessengerConstants.MESSAGING_TYPE, "MESSAGE_TAG"),
                Map.<String, Object>of(MessengerConstants.TAG, "HUMAN_AGENT"),
                Map.<String, Object>of(MessengerConstants.MESSAGING_TYPE, "promotion"),
                Map.<String, Object>of(MessengerConstants.METADATA, "m".repeat(999)),
                Map.<String, Object>of(MessengerConstants.METADATA, "m".repeat(1000)));
    }

    /** Typed messages, templates and buttons with random field values. */
    @Provide
    Arbitrary<Object> typedBodies() {
        Arbitrary<String> anyText = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(25),
                Arbitraries.strings().alpha().ofMinLength(15).ofMaxLength(90), Arbitraries.just(null));
        Arbitrary<QuickReply> quickReplies = Combinators
                .combine(Arbitraries.of("text", "user_email", "user_phone_number", "location"),
                        anyText, anyText)
                .as((type, title, payload) -> new QuickReply(type, title, payload, null));
        Arbitrary<Object> messages = Combinators.combine(anyText, quickReplies.list().ofMaxSize(15))
                .as((text, replies) -> Message.text(text).withQuickReplies(replies.isEmpty() ? null : replies));
        Arbitrary<Button> buttons = Combinators.combine(Arbitraries.of("web_url", "postback", "phone_number", "account_link",
                "element_share"), anyText, anyText, anyText)
                .as((type, title, url, payload) -> new Button(type, title, url, payload,
                        null, null, null, null, null));
        Arbitrary<Object> buttonTemplates = Combinators.combine(anyText, buttons.list().ofMaxSize(4))
                .as((text, list) -> new ButtonTemplate(text, list, null));
        Arbitrary<Object> genericTemplates = Combinators.combine(anyText, anyText, buttons.list().ofMaxSize(4))
                .as((title, subtitle, list) -> new GenericTemplate.Element(title, subtitle, null, null,
                        list.isEmpty() ? null : list))
                .list().ofMaxSize(11).map(elements -> new GenericTemplate(elements, null, null));
        Arbitrary<Object> attachments = Combinators
                .combine(Arbitraries.of("image", "audio", "video", "file", "sticker", "template"),
                        anyText)
                .as((type, url) -> new Attachment(type, url == null ? null : Map.of("url", url)));
        return Arbitraries.oneOf(messages, buttonTemplates, genericTemplates, attachments);
    }

    private static JsonNode parse(String sample) {
        try {
            return MAPPER.readTree(sample.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(sample, e);
        }
    }
}
