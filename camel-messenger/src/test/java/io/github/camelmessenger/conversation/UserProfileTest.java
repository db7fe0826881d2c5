package io.github.camelmessenger.conversation;

import java.util.Map;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.ErrorCategory;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.UserProfile;
import io.github.camelmessenger.simulator.MessengerSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** messenger:userProfile against the simulator's User Profile API: fields, the cache, and Meta's refusals. */
class UserProfileTest extends CamelTestSupport {

    private static final String PSID = "1254477777772919";

    @RegisterExtension
    static MessengerSimulatorExtension messenger = new MessengerSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return messenger.configure(super.createCamelContext());
    }

    @BeforeEach
    void knowThePerson() {
        messenger.simulator().userProfile(PSID, Map.of("first_name", "Ada", "last_name", "Lovelace", "name", "Ada Lovelace",
                "profile_pic", "https://profile.example/ada.jpg", "locale", "en_GB", "timezone", 0));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:profile").to("messenger:userProfile");
                from("direct:locale").to("messenger:userProfile?fields=first_name,locale,timezone");
                from("direct:cached").to("messenger:userProfile?userProfileCacheTtl=1h");
            }
        };
    }

    private Exchange profileOf(String endpoint, String psid) {
        return template.send(endpoint, e -> e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, psid));
    }

    @Test
    void theDefaultFieldsAreReadIntoAUserProfile() {
        Exchange exchange = profileOf("direct:profile", PSID);

        assertThat(exchange.getException()).isNull();
        assertThat(messenger.simulator().lastRequest().path()).isEqualTo("/v25.0/" + PSID);
        assertThat(messenger.simulator().lastRequest().query()).isEqualTo("fields=first_name,last_name,profile_pic");
        UserProfile profile = exchange.getMessage().getBody(UserProfile.class);
        assertThat(profile.id()).isEqualTo(PSID);
        assertThat(profile.firstName()).isEqualTo("Ada");
        assertThat(profile.lastName()).isEqualTo("Lovelace");
        assertThat(profile.profilePic()).isEqualTo("https://profile.example/ada.jpg");
        assertThat(profile.toString()).as("no personal data in logs").doesNotContain("Ada", "Lovelace", "ada.jpg");
    }

    @Test
    void everyFieldAskedForIsInTheProfile() {
        UserProfile profile = profileOf("direct:locale", PSID).getMessage().getBody(UserProfile.class);

        assertThat(messenger.simulator().lastRequest().query()).isEqualTo("fields=first_name,locale,timezone");
        assertThat(profile.field("locale")).isEqualTo("en_GB");
        assertThat(profile.field("timezone")).isEqualTo(0);
        assertThat(profile.lastName()).as("not asked for").isNull();
    }

    @Test
    void theCacheAnswersAgainWithoutAGraphCallPerPerson() {
        messenger.simulator().userProfile("2000000000000001", Map.of("first_name", "Grace"));

        UserProfile first = profileOf("direct:cached", PSID).getMessage().getBody(UserProfile.class);
        UserProfile again = profileOf("direct:cached", PSID).getMessage().getBody(UserProfile.class);
        UserProfile other = profileOf("direct:cached", "2000000000000001").getMessage().getBody(UserProfile.class);

        assertThat(again).isEqualTo(first);
        assertThat(other.firstName()).isEqualTo("Grace");
        assertThat(messenger.simulator().requests()).hasSize(2);
    }

    @Test
    void withoutProfileAccessTheAnswerIsAPermissionError() {
        messenger.simulator().userProfileAccess(false);

        Exchange exchange = profileOf("direct:profile", PSID);

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerApiException.class, e -> {
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.PERMISSION);
            assertThat(e.getCode()).isEqualTo(200);
        });
    }

    @Test
    void aPersonWithoutAProfileIsItsOwnCategory() {
        messenger.simulator().noUserProfile(PSID);

        Exchange exchange = profileOf("direct:profile", PSID);

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerApiException.class, e -> {
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.PROFILE_UNAVAILABLE);
            assertThat(e.getErrorSubcode()).isEqualTo(2018218);
            assertThat(e.getCategory().isRetryable()).isFalse();
        });
    }

    @Test
    void anUnknownPsidIsAnObjectThatDoesNotExist() {
        Exchange exchange = profileOf("direct:profile", "3000000000000009");

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerApiException.class,
                e -> assertThat(e.getCategory()).isEqualTo(ErrorCategory.INVALID_REQUEST));
    }

    @Test
    void aPsidThatIsNotAGraphIdIsRefusedBeforeAnyCall() {
        Exchange exchange = profileOf("direct:profile", "me/messages");

        assertThat(exchange.getException()).isInstanceOfSatisfying(MessengerValidationException.class,
                e -> assertThat(e.getField()).isEqualTo("recipient.id"));
        assertThat(messenger.simulator().requests()).isEmpty();
    }

    @Test
    void fieldsThatAreNotGraphFieldNamesFailTheEndpointAtStart() throws Exception {
        Producer producer = context.getEndpoint("messenger:userProfile?fields=RAW(first_name;x=1)")
                .createProducer();

        assertThatThrownBy(producer::start).satisfies(failure -> {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(MessengerValidationException.class).hasMessageContaining("fields");
        });
    }
}
