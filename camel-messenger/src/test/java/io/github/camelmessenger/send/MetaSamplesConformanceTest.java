package io.github.camelmessenger.send;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.AttachmentPayload;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.template.Button;
import io.github.camelmessenger.model.template.ButtonTemplate;
import io.github.camelmessenger.model.template.CouponTemplate;
import io.github.camelmessenger.model.template.CustomerFeedbackTemplate;
import io.github.camelmessenger.model.template.DefaultAction;
import io.github.camelmessenger.model.template.GenericTemplate;
import io.github.camelmessenger.model.template.MediaTemplate;
import io.github.camelmessenger.model.template.ProductTemplate;
import io.github.camelmessenger.model.template.ReceiptTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Meta's own sample requests and the shapes other Messenger libraries' fixtures send: each is accepted and reaches the
 * simulator exactly as given; and every field of Meta's button and template references can be written with the typed
 * model, not only through a Map.
 */
class MetaSamplesConformanceTest extends MessengerTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> metaSamples() {
        return Stream.of(
                // name, options, message (as Meta's sample), headers
                arguments("Instagram heart sticker", "platform=instagram", "{'attachment':{'type':'like_heart'}}", Map.of()),
                arguments("Instagram published post", "platform=instagram",
                        "{'attachment':{'type':'MEDIA_SHARE','payload':{'id':'17895695668004550'}}}", Map.of()),
                arguments("a sticker from the Sticker API", "", "{'sticker_id':767226160478561}", Map.of()),
                arguments("URL button with the webview properties", "",
                        "{'attachment':{'type':'template','payload':{'template_type':'button','text':'Open the shop',"
                                + "'buttons':[{'type':'web_url','url':'https://shop.example/','title':'Shop','webview_height_ratio':'full',"
                                + "'messenger_extensions':true,'fallback_url':'https://shop.example/fallback','webview_share_button':'hide'}]}}}",
                        Map.of()),
                arguments("generic template with a default action in the webview", "",
                        "{'attachment':{'type':'template','payload':{'template_type':'generic','elements':[{'title':'Welcome!',"
                                + "'image_url':'https://x/hat.jpg','subtitle':'We have the right hat for everyone.',"
                                + "'default_action':{'type':'web_url','url':'https://x/','messenger_extensions':false,"
                                + "'webview_height_ratio':'tall'},'buttons':[{'type':'web_url','url':'https://x/','title':'View Website'},"
                                + "{'type':'postback','title':'Start Chatting','payload':'DEVELOPER_DEFINED_PAYLOAD'}]}]}}}",
                        Map.of()),
                arguments("receipt template with a merchant name", "",
                        "{'attachment':{'type':'template','payload':{'template_type':'receipt','recipient_name':'Stephane Crozatier',"
                                + "'merchant_name':'Original Coast Clothing','order_number':'12345678902','currency':'USD',"
                                + "'payment_method':'Visa 2345','order_url':'https://x/order?order_id=123456','timestamp':'1428444852',"
                                + "'address':{'street_1':'1 Hacker Way','street_2':'','city':'Menlo Park','postal_code':'94025','state':'CA',"
                                + "'country':'US'},'summary':{'subtotal':75.00,'shipping_cost':4.95,'total_tax':6.19,'total_cost':56.14},"
                                + "'adjustments':[{'name':'New Customer Discount','amount':20}],"
                                + "'elements':[{'title':'Classic White T-Shirt','subtitle':'100% Soft and Luxurious Cotton','quantity':2,"
                                + "'price':50,'currency':'USD','image_url':'https://x/whiteshirt.png'}]}}}",
                        Map.of()),
                arguments("quick reply with a numeric payload", "",
                        "{'text':'Pick one','quick_replies':[{'content_type':'text','title':'Red','payload':42}]}", Map.of()),
                arguments("Customer Matching by phone number", "",
                        "{'text':'Your order is ready'}",
                        Map.of(MessengerConstants.RECIPIENT_PHONE_NUMBER, "+1(212)555-2368")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metaSamples")
    void metasSampleIsAcceptedAndSentAsGiven(String name, String options, String message, Map<String, Object> headers)
            throws Exception {
        JsonNode body = MAPPER.readTree(message.replace('\'', '"'));

        Exchange exchange = send(sendUri(options.isEmpty() ? "recipientId=1" : options + "&recipientId=1"), body,
                headers.isEmpty() ? Map.of() : headers);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).isNotNull();
        assertThat(simulator.lastRequest().json().get("message")).isEqualTo(body);
    }

    @Test
    void instagramOnlyAttachmentsAreRefusedOnMessengerSayingWhy() {
        Exchange exchange = send(sendUri("recipientId=1"), Attachment.likeHeart(), Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("set platform=instagram");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void typedInstagramAttachmentsAreWrittenAsMetaDocumentsThem() {
        send(sendUri("recipientId=1&platform=instagram"), Attachment.likeHeart(), Map.of());
        send(sendUri("recipientId=1&platform=instagram"), Attachment.mediaShare("17895695668004550"), Map.of());

        assertThat(simulator.requests()).extracting(r -> r.json().get("message")).containsExactly(
                json("{'attachment':{'type':'like_heart'}}"),
                json("{'attachment':{'type':'MEDIA_SHARE','payload':{'id':'17895695668004550'}}}"));
    }

    @Test
    void aMediaShareWithoutThePostIdIsRefused() {
        Exchange exchange = send(sendUri("recipientId=1&platform=instagram"), new Attachment("MEDIA_SHARE", Map.of()),
                Map.of());

        assertThat(((MessengerValidationException) exchange.getException()).getField())
                .isEqualTo("message.attachment.payload.id");
    }

    @Test
    void phoneNumberRecipientWithANameFromHeaders() {
        Exchange exchange = send(sendUri(""), "Your order is ready", Map.of(MessengerConstants.RECIPIENT_PHONE_NUMBER,
                "+1(212)555-2368", MessengerConstants.RECIPIENT_NAME, "Jane Anne Doe"));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json().get("recipient")).isEqualTo(json(
                "{'phone_number':'+1(212)555-2368','name':{'first_name':'Jane Anne','last_name':'Doe'}}"));
        assertThat(exchange.getMessage().getHeader(MessengerConstants.RECIPIENT_ID)).as("Meta sends no recipient_id").isNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).isNotNull();
    }

    @Test
    void phoneNumberRecipientTyped() {
        Exchange exchange = send(sendUri(""), SendRequest.message(
                Recipient.phoneNumber("+15551234", Recipient.Name.of("Jane", "Doe")), Message.text("hi")), Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json().get("recipient")).isEqualTo(json(
                "{'phone_number':'+15551234','name':{'first_name':'Jane','last_name':'Doe'}}"));
    }

    @Test
    void aPhoneNumberBesideAnotherRecipientIsRefused() {
        Exchange exchange = send(sendUri(""), "x", Map.of(MessengerConstants.RECIPIENT_PHONE_NUMBER, "+15551234",
                MessengerConstants.RECIPIENT_ID, "1"));

        MessengerValidationException e = (MessengerValidationException) exchange.getException();
        assertThat(e.getField()).isEqualTo("recipient");
        assertThat(e.getActualSize()).isEqualTo(2);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void aNameWithoutAPhoneNumberIsRefused() {
        Exchange exchange = send(sendUri("recipientId=1"), "x", Map.of(MessengerConstants.RECIPIENT_NAME, "Jane Doe"));

        assertThat(((MessengerValidationException) exchange.getException()).getField()).isEqualTo("recipient.name");
        assertThat(simulator.requests()).isEmpty();
    }

    /**
     * The properties of Meta's current references (developers.facebook.com/documentation/business-messaging/
     * messenger-platform: send-messages/buttons/url, template/generic, template/button, template/media,
     * template/receipt, template/coupon, template/customer-feedback, template/product; the Instagram messaging reference
     * for MEDIA_SHARE).
     */
    static Stream<Arguments> referenceTables() {
        return Stream.of(
                arguments("URL button", Button.class,
                        Set.of("type", "url", "title", "webview_height_ratio", "messenger_extensions",
                                "fallback_url", "webview_share_button")),
                arguments("postback and call buttons", Button.class, Set.of("type", "title", "payload")),
                arguments("default action", DefaultAction.class,
                        Set.of("type", "url", "webview_height_ratio", "messenger_extensions",
                                "fallback_url", "webview_share_button")),
                arguments("generic template", GenericTemplate.class,
                        Set.of("template_type", "elements", "sharable", "image_aspect_ratio")),
                arguments("generic element", GenericTemplate.Element.class,
                        Set.of("title", "subtitle", "image_url", "default_action",
                                "buttons")),
                arguments("button template", ButtonTemplate.class, Set.of("template_type", "text", "buttons", "sharable")),
                arguments("media template", MediaTemplate.class, Set.of("template_type", "elements", "sharable")),
                arguments("media element", MediaTemplate.Element.class,
                        Set.of("media_type", "attachment_id", "url", "buttons")),
                arguments("receipt template", ReceiptTemplate.class, Set.of("template_type", "sharable", "recipient_name",
                        "merchant_name", "order_number", "currency", "payment_method", "timestamp", "elements", "address",
                        "summary",
                        "adjustments", "order_url")),
                arguments("receipt element", ReceiptTemplate.Element.class,
                        Set.of("title", "subtitle", "quantity", "price", "currency",
                                "image_url")),
                arguments("receipt address", ReceiptTemplate.Address.class,
                        Set.of("street_1", "street_2", "city", "postal_code",
                                "state", "country")),
                arguments("receipt summary", ReceiptTemplate.Summary.class, Set.of("subtotal", "shipping_cost", "total_tax",
                        "total_cost")),
                arguments("coupon template", CouponTemplate.class, Set.of("template_type", "title", "subtitle", "coupon_code",
                        "coupon_url", "coupon_url_button_title", "coupon_pre_message", "image_url", "payload")),
                arguments("customer feedback template", CustomerFeedbackTemplate.class,
                        Set.of("template_type", "title", "subtitle",
                                "button_title", "feedback_screens", "business_privacy", "expires_in_days")),
                arguments("customer feedback question", CustomerFeedbackTemplate.Question.class, Set.of("id", "type", "title",
                        "score_label", "score_option", "follow_up")),
                arguments("product element", ProductTemplate.Element.class, Set.of("id")),
                arguments("attachment payload", AttachmentPayload.class, Set.of("url", "is_reusable", "attachment_id", "id")),
                arguments("message", Message.class, Set.of("text", "attachment", "quick_replies", "metadata", "sticker_id")),
                arguments("recipient", Recipient.class,
                        Set.of("id", "user_ref", "post_id", "comment_id", "phone_number", "name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceTables")
    void everyDocumentedFieldIsExpressibleWithTheTypedModel(String name, Class<?> type, Set<String> documented) {
        JavaType javaType = MAPPER.constructType(type);
        Set<String> written = MAPPER.getSerializationConfig().introspect(javaType).findProperties().stream()
                .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());

        assertThat(written).containsAll(documented);
    }

    @Test
    void theTypedWebviewPropertiesAreWrittenAsMetaNamesThem() {
        send(sendUri("recipientId=1"), GenericTemplate.of(new GenericTemplate.Element("Hat", null, null,
                DefaultAction.url("https://x/").withMessengerExtensions("https://x/fallback").withShareButtonHidden()
                        .withWebviewHeightRatio("tall"),
                List.of(Button.webUrl("Shop", "https://x/").withMessengerExtensions(null).withShareButtonHidden()))), Map.of());

        assertThat(simulator.lastRequest().json().at("/message/attachment/payload/elements/0")).isEqualTo(json(
                "{'title':'Hat','default_action':{'type':'web_url','url':'https://x/','webview_height_ratio':'tall',"
                        + "'messenger_extensions':true,'fallback_url':'https://x/fallback','webview_share_button':'hide'},"
                        + "'buttons':[{'type':'web_url','title':'Shop','url':'https://x/','messenger_extensions':true,"
                        + "'webview_share_button':'hide'}]}"));
    }
}
