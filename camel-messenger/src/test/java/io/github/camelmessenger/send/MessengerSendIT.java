package io.github.camelmessenger.send;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.ErrorCategory;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Graph API. Runs only with MESSENGER_ACCESS_TOKEN, MESSENGER_PAGE_ID and MESSENGER_RECIPIENT_ID set
 * (a test Page and a PSID that wrote to it within 24 hours); optional MESSENGER_APP_SECRET. {@code mvn -B verify} runs it
 * through failsafe; CI does not set the variables, so it is skipped there.
 */
@EnabledIfEnvironmentVariable(named = "MESSENGER_ACCESS_TOKEN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "MESSENGER_PAGE_ID", matches = ".+")
@EnabledIfEnvironmentVariable(named = "MESSENGER_RECIPIENT_ID", matches = ".+")
class MessengerSendIT extends CamelTestSupport {

    private static String uri() {
        String appSecret = System.getenv("MESSENGER_APP_SECRET");
        return "messenger:send?accessToken=RAW(" + System.getenv("MESSENGER_ACCESS_TOKEN") + ")&pageId="
                + System.getenv("MESSENGER_PAGE_ID") + "&recipientId=" + System.getenv("MESSENGER_RECIPIENT_ID")
                + (appSecret == null || appSecret.isEmpty() ? "" : "&appSecret=RAW(" + appSecret + ")");
    }

    @Test
    void sendsTextAndQuickRepliesAndATypingIndicator() {
        Exchange text = template.send(uri(), e -> e.getIn().setBody("camel-messenger IT: hello"));
        assertThat(text.getException()).isNull();
        assertThat(text.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class)).isNotBlank();

        Exchange quickReplies = template.send(uri(), e -> e.getIn().setBody(
                Message.text("camel-messenger IT: pick one").withQuickReplies(QuickReply.text("Yes", "YES"),
                        QuickReply.text("No", "NO"))));
        assertThat(quickReplies.getException()).isNull();

        Exchange typing = template.send(uri(), e -> e.getIn().setHeader(MessengerConstants.SENDER_ACTION, "typing_on"));
        assertThat(typing.getException()).isNull();
    }

    @Test
    void invalidTokenIsAnAuthenticationError() {
        Exchange exchange = template.send("messenger:send?accessToken=invalid&recipientId=1", e -> e.getIn().setBody("x"));
        assertThat(exchange.getException()).isInstanceOf(MessengerApiException.class);
        assertThat(((MessengerApiException) exchange.getException()).getCategory()).isEqualTo(ErrorCategory.AUTHENTICATION);
    }
}
