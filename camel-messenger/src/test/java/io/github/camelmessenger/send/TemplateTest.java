package io.github.camelmessenger.send;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.template.Button;
import io.github.camelmessenger.model.template.ButtonTemplate;
import io.github.camelmessenger.model.template.CouponTemplate;
import io.github.camelmessenger.model.template.CustomerFeedbackTemplate;
import io.github.camelmessenger.model.template.DefaultAction;
import io.github.camelmessenger.model.template.GenericTemplate;
import io.github.camelmessenger.model.template.ImageGridTemplate;
import io.github.camelmessenger.model.template.MediaTemplate;
import io.github.camelmessenger.model.template.ProductTemplate;
import io.github.camelmessenger.model.template.ReceiptTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every template and button type: the exact request the simulator received, and each limit rejected before sending. */
class TemplateTest extends MessengerTestSupport {

    private static final String WRAP = "{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':{'attachment':{'type':'template','payload':%s}}}";

    static Stream<Arguments> templates() {
        return Stream.of(
                arguments("generic with default action and every button type", GenericTemplate.of(
                        GenericTemplate.Element.of("Hat", "For everyone", "https://x/hat.png",
                                Button.webUrl("View", "https://x/hat", "tall"), Button.postback("Buy", "BUY_HAT"),
                                Button.phoneNumber("Call us", "+16505551234"))
                                .withDefaultAction(DefaultAction.url("https://x/hat")),
                        GenericTemplate.Element.of("Login", null, null, Button.accountLink("https://x/login"),
                                Button.accountUnlink(),
                                Button.gamePlay("Play", "GAME", new Button.GameMetadata("p1", null)))),
                        "{'template_type':'generic','elements':["
                                + "{'title':'Hat','subtitle':'For everyone','image_url':'https://x/hat.png',"
                                + "'default_action':{'type':'web_url','url':'https://x/hat'},'buttons':["
                                + "{'type':'web_url','title':'View','url':'https://x/hat','webview_height_ratio':'tall'},"
                                + "{'type':'postback','title':'Buy','payload':'BUY_HAT'},"
                                + "{'type':'phone_number','title':'Call us','payload':'+16505551234'}]},"
                                + "{'title':'Login','buttons':[{'type':'account_link','url':'https://x/login'},"
                                + "{'type':'account_unlink'},{'type':'game_play','title':'Play','payload':'GAME',"
                                + "'game_metadata':{'player_id':'p1'}}]}]}"),
                arguments("button",
                        ButtonTemplate.of("What next?", Button.postback("Yes", "YES"), Button.webUrl("Site", "https://x")),
                        "{'template_type':'button','text':'What next?','buttons':[{'type':'postback','title':'Yes','payload':'YES'},"
                                + "{'type':'web_url','title':'Site','url':'https://x'}]}"),
                arguments("media by attachment_id", MediaTemplate.imageById("1234", Button.webUrl("More", "https://x")),
                        "{'template_type':'media','elements':[{'media_type':'image','attachment_id':'1234',"
                                + "'buttons':[{'type':'web_url','title':'More','url':'https://x'}]}]}"),
                arguments("media by Facebook URL",
                        MediaTemplate.byFacebookUrl("video", "https://www.facebook.com/page/videos/1"),
                        "{'template_type':'media','elements':[{'media_type':'video','url':'https://www.facebook.com/page/videos/1'}]}"),
                arguments("receipt", new ReceiptTemplate("Jane Doe", null, "12345", "EUR", "Visa 1234", null, "1428444852",
                        new ReceiptTemplate.Address("1 Main St", null, "Paris", "75001", "IDF", "FR"),
                        new ReceiptTemplate.Summary(new BigDecimal("75.00"), new BigDecimal("4.95"), new BigDecimal("6.19"),
                                new BigDecimal("56.14")),
                        List.of(new ReceiptTemplate.Adjustment("Coupon", new BigDecimal("-20"))),
                        List.of(new ReceiptTemplate.Element("Shirt", "White", 2, new BigDecimal("50"), "EUR", null)), null),
                        "{'template_type':'receipt','recipient_name':'Jane Doe','order_number':'12345','currency':'EUR',"
                                + "'payment_method':'Visa 1234','timestamp':'1428444852','address':{'street_1':'1 Main St',"
                                + "'city':'Paris','postal_code':'75001','state':'IDF','country':'FR'},'summary':{'subtotal':75.00,"
                                + "'shipping_cost':4.95,'total_tax':6.19,'total_cost':56.14},'adjustments':[{'name':'Coupon','amount':-20}],"
                                + "'elements':[{'title':'Shirt','subtitle':'White','quantity':2,'price':50,'currency':'EUR'}]}"),
                arguments("product", ProductTemplate.of("p1", "p2"),
                        "{'template_type':'product','elements':[{'id':'p1'},{'id':'p2'}]}"),
                arguments("coupon", CouponTemplate.code("10% off", "SAVE10"),
                        "{'template_type':'coupon','title':'10% off','coupon_code':'SAVE10'}"),
                arguments("customer feedback", CustomerFeedbackTemplate.of("Rate us", "Rate",
                        CustomerFeedbackTemplate.Question.csat("q1", "How was it?").withFreeFormFollowUp("Tell us more"),
                        "https://x/privacy"),
                        "{'template_type':'customer_feedback','title':'Rate us','button_title':'Rate','feedback_screens':[{'questions':"
                                + "[{'id':'q1','type':'csat','title':'How was it?','follow_up':{'type':'free_form','placeholder':'Tell us more'}}]}],"
                                + "'business_privacy':{'url':'https://x/privacy'}}"),
                arguments(
                        "image grid", ImageGridTemplate.of("Our picks", List.of(ImageGridTemplate.Image.hero("https://x/1.png"),
                                ImageGridTemplate.Image.of("https://x/2.png").onTap(ImageGridTemplate.Action.postback(
                                        "PICK_2"))),
                                Button.webUrl("Shop", "https://x/shop")),
                        "{'template_type':'image_grid','elements':[{'images':[{'url':'https://x/1.png','is_hero_image':true},"
                                + "{'url':'https://x/2.png','action':{'type':'postback','payload':'PICK_2'}}],'title':'Our picks',"
                                + "'buttons':[{'type':'web_url','title':'Shop','url':'https://x/shop'}]}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templateIsSentAsTheDocumentedPayload(String name, Object template, String payload) {
        Exchange exchange = send(sendUri("recipientId=1"), template, Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json()).isEqualTo(json(WRAP.formatted(payload)));
    }

    static Stream<Arguments> breaches() {
        Button ok = Button.postback("ok", "OK");
        GenericTemplate.Element element = GenericTemplate.Element.of("t", null, null, ok);
        return Stream.of(
                // name, body, field
                arguments("generic: 11 elements", new GenericTemplate(Collections.nCopies(11, element), null, null),
                        "message.attachment.payload.elements"),
                arguments("generic: title of 81", GenericTemplate.of(GenericTemplate.Element.of("t".repeat(81), null, null)),
                        "message.attachment.payload.elements[0].title"),
                arguments("generic: subtitle of 81", GenericTemplate.of(GenericTemplate.Element.of("t", "s".repeat(81), null)),
                        "message.attachment.payload.elements[0].subtitle"),
                arguments("generic: 4 buttons", GenericTemplate.of(GenericTemplate.Element.of("t", null, null, ok, ok, ok, ok)),
                        "message.attachment.payload.elements[0].buttons"),
                arguments("generic: no title", GenericTemplate.of(GenericTemplate.Element.of(null, "s", null)),
                        "message.attachment.payload.elements[0].title"),
                arguments("button: text of 641", ButtonTemplate.of("t".repeat(641), ok), "message.attachment.payload.text"),
                arguments("button: no button", new ButtonTemplate("t", List.of(), null), "message.attachment.payload.buttons"),
                arguments("button: 4 buttons", ButtonTemplate.of("t", ok, ok, ok, ok), "message.attachment.payload.buttons"),
                arguments("button title of 21", ButtonTemplate.of("t", Button.postback("b".repeat(21), "P")),
                        "message.attachment.payload.buttons[0].title"),
                arguments("postback payload of 1001", ButtonTemplate.of("t", Button.postback("b", "p".repeat(1001))),
                        "message.attachment.payload.buttons[0].payload"),
                arguments("unknown button type",
                        ButtonTemplate.of("t", new Button("element_share", "x", null, null, null, null, null, null, null)),
                        "message.attachment.payload.buttons[0].type"),
                arguments("web_url without url", ButtonTemplate.of("t", Button.webUrl("x", null)),
                        "message.attachment.payload.buttons[0].url"),
                arguments("phone number not international", ButtonTemplate.of("t", Button.phoneNumber("Call", "06505551234")),
                        "message.attachment.payload.buttons[0].payload"),
                arguments("media: two elements", new MediaTemplate(List.of(new MediaTemplate.Element("image", "1", null, null),
                        new MediaTemplate.Element("image", "2", null, null)), null), "message.attachment.payload.elements"),
                arguments("media: audio", new MediaTemplate(List.of(new MediaTemplate.Element("audio", "1", null, null)), null),
                        "message.attachment.payload.elements[0].media_type"),
                arguments("media: both id and url",
                        new MediaTemplate(List.of(new MediaTemplate.Element("image", "1", "https://f/1", null)), null),
                        "message.attachment.payload.elements[0]"),
                arguments("media: 2 buttons", MediaTemplate.imageById("1", ok, ok),
                        "message.attachment.payload.elements[0].buttons"),
                arguments("receipt: 101 elements", new ReceiptTemplate("J", null, "1", "EUR", "Visa", null, null, null,
                        ReceiptTemplate.Summary.total(BigDecimal.ONE), null,
                        Collections.nCopies(101, new ReceiptTemplate.Element("x", null, null, BigDecimal.ONE, null, null)),
                        null),
                        "message.attachment.payload.elements"),
                arguments("receipt: no order number",
                        new ReceiptTemplate("J", null, null, "EUR", "Visa", null, null, null, null, null, null, null),
                        "message.attachment.payload.order_number"),
                arguments("product: 11 ids",
                        ProductTemplate.of(IntStream.range(0, 11).mapToObj(i -> "p" + i).toArray(String[]::new)),
                        "message.attachment.payload.elements"),
                arguments("coupon: neither code nor url", new CouponTemplate("t", null, null, null, null, null, null, null),
                        "message.attachment.payload"),
                arguments("image grid: one image",
                        ImageGridTemplate.of("t", List.of(ImageGridTemplate.Image.of("https://x/1"))),
                        "message.attachment.payload.elements[0].images"),
                arguments("image grid: seven images", ImageGridTemplate.of("t",
                        Collections.nCopies(7, ImageGridTemplate.Image.of("https://x/1"))),
                        "message.attachment.payload.elements[0].images"),
                arguments("image grid: two hero images",
                        ImageGridTemplate.of("t", List.of(ImageGridTemplate.Image.hero("https://x/1"),
                                ImageGridTemplate.Image.hero("https://x/2"))),
                        "message.attachment.payload.elements[0].images"),
                arguments("image grid: title of 46",
                        ImageGridTemplate.of("t".repeat(46), List.of(ImageGridTemplate.Image.of("https://x/1"),
                                ImageGridTemplate.Image.of("https://x/2"))),
                        "message.attachment.payload.elements[0].title"),
                arguments("image grid: phone button",
                        ImageGridTemplate.of("t", List.of(ImageGridTemplate.Image.of("https://x/1"),
                                ImageGridTemplate.Image.of("https://x/2")), Button.phoneNumber("Call", "+1")),
                        "message.attachment.payload.elements[0].buttons"),
                arguments("customer feedback: two questions", new CustomerFeedbackTemplate("t", null, "b",
                        List.of(new CustomerFeedbackTemplate.Screen(List.of(CustomerFeedbackTemplate.Question.csat("1", "a"),
                                CustomerFeedbackTemplate.Question.nps("2", "b")))),
                        null, null),
                        "message.attachment.payload.feedback_screens[0].questions"),
                arguments("raw JSON template: 4 buttons", Map.of("attachment", Map.of("type", "template", "payload",
                        Map.of("template_type", "button", "text", "t", "buttons", Collections.nCopies(4,
                                Map.of("type", "postback", "title", "a", "payload", "b"))))),
                        "message.attachment.payload.buttons"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void limitIsRejectedBeforeSending(String name, Object body, String field) {
        Exchange exchange = send(sendUri("recipientId=1"), body, Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
        assertThat(((MessengerValidationException) exchange.getException()).getField()).isEqualTo(field);
        assertThat(exchange.getException().getMessage()).startsWith(field);
        assertThat(simulator.requests()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void customerFeedbackTagSendsTheTypedTemplate() {
        Exchange exchange = send(sendUri("recipientId=1&messagingType=MESSAGE_TAG&tag=CUSTOMER_FEEDBACK"),
                CustomerFeedbackTemplate.of("Rate us", "Rate", CustomerFeedbackTemplate.Question.nps("q", "Recommend us?"),
                        "https://x/p"),
                Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json().path("tag").asText()).isEqualTo("CUSTOMER_FEEDBACK");
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).isNotNull();
    }
}
