package io.github.camelmessenger.conversation;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.error.ErrorCategory;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Persona;
import io.github.camelmessenger.simulator.Fixtures;
import io.github.camelmessenger.simulator.MessengerSimulatorExtension;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** messenger:personas against the simulator's Personas API, and a persona's id used in a send. */
class PersonasTest extends CamelTestSupport {

    private static final String PSID = "1254477777772919";
    private static final String PICTURE = "https://example.com/ada.png";

    @RegisterExtension
    static MessengerSimulatorExtension messenger = new MessengerSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return messenger.configure(super.createCamelContext());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:create").to("messenger:personas?action=create");
                from("direct:personas").to("messenger:personas");
                from("direct:send").to("messenger:send?recipientId=" + PSID);
                // create a persona, then answer as it: the id header of create is the persona header of send
                from("direct:create-and-send").to("messenger:personas?action=create")
                        .setBody(constant("Hi, Ada here: how can I help?"))
                        .to("direct:send");
            }
        };
    }

    private String create(Object body) {
        Exchange exchange = template.send("direct:create", e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(MessengerConstants.PERSONA_ID, String.class);
    }

    private Exchange personas(String action, String personaId) {
        return template.send("direct:personas", e -> {
            e.getMessage().setHeader(MessengerConstants.ACTION, action);
            if (personaId != null) {
                e.getMessage().setHeader(MessengerConstants.PERSONA_ID, personaId);
            }
        });
    }

    @Test
    void aTypedPersonaAndAMapBothCreateOne() {
        String typed = create(Persona.of("Ada from support", PICTURE));
        RecordedRequest typedRequest = messenger.simulator().lastRequest();
        String map = create(Map.of("name", "Grace from support", "profile_picture_url", PICTURE));

        assertThat(typed).isNotBlank().isNotEqualTo(map);
        assertThat(typedRequest.path()).isEqualTo("/v25.0/me/personas");
        assertThat(typedRequest.json())
                .isEqualTo(Fixtures.json("{'name':'Ada from support','profile_picture_url':'" + PICTURE + "'}"));
        assertThat(messenger.simulator().lastRequest().json())
                .isEqualTo(Fixtures.json("{'name':'Grace from support','profile_picture_url':'" + PICTURE + "'}"));
    }

    @Test
    void getAnswersThePersona() {
        String id = create(Persona.of("Ada from support", PICTURE));

        Exchange exchange = personas("get", id);

        assertThat(exchange.getMessage().getBody()).isEqualTo(new Persona(id, "Ada from support", PICTURE));
        assertThat(messenger.simulator().lastRequest().method()).isEqualTo("GET");
        assertThat(messenger.simulator().lastRequest().path()).isEqualTo("/v25.0/" + id);
    }

    @Test
    void listFollowsEveryPageOfTheAnswer() {
        for (int i = 0; i < 30; i++) {
            create(Persona.of("Agent " + i, PICTURE));
        }

        Exchange exchange = personas("list", null);

        @SuppressWarnings("unchecked")
        List<Persona> personas = exchange.getMessage().getBody(List.class);
        assertThat(personas).hasSize(30).extracting(Persona::name).contains("Agent 0", "Agent 29");
        List<RecordedRequest> lists = messenger.simulator().requests().subList(30, messenger.simulator().requests().size());
        assertThat(lists).as("25 a page: two pages").hasSize(2);
        assertThat(lists.get(1).query()).startsWith("after=");
    }

    @Test
    void aPersonaIdFromCreateIsUsedDirectlyInASend() {
        Exchange exchange = template.send("direct:create-and-send",
                e -> e.getMessage().setBody(Persona.of("Ada from support", PICTURE)));

        assertThat(exchange.getException()).isNull();
        String id = exchange.getMessage().getHeader(MessengerConstants.PERSONA_ID, String.class);
        assertThat(messenger.simulator().lastRequest().json()).isEqualTo(Fixtures.json("{'recipient':{'id':'" + PSID
                + "'},'messaging_type':'RESPONSE','persona_id':'" + id
                + "','message':{'text':'Hi, Ada here: how can I help?'}}"));
    }

    @Test
    void aDeletedPersonaCannotBeUsedAnyMore() {
        String id = create(Persona.of("Ada from support", PICTURE));

        Exchange deleted = personas("delete", id);
        Exchange send = template.send("direct:send", e -> {
            e.getMessage().setBody("Still me?");
            e.getMessage().setHeader(MessengerConstants.PERSONA_ID, id);
        });

        assertThat(deleted.getException()).isNull();
        assertThat(messenger.simulator().requests().get(1).method()).isEqualTo("DELETE");
        assertThat(send.getException()).isInstanceOfSatisfying(MessengerApiException.class, e -> {
            assertThat(e.getCategory()).isEqualTo(ErrorCategory.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("persona_id");
        });
        assertThat(personas("get", id).getException()).isInstanceOf(MessengerApiException.class);
    }

    @Test
    void whatCannotMakeAPersonaIsRefusedBeforeAnyCall() {
        Exchange noName = template.send("direct:create", e -> e.getMessage().setBody(Persona.of(" ", PICTURE)));
        Exchange noPicture = template.send("direct:create", e -> e.getMessage().setBody(Map.of("name", "Ada")));
        Exchange text = template.send("direct:create", e -> e.getMessage().setBody("Ada"));
        Exchange noAction = personas(null, null);
        Exchange noId = personas("get", null);

        assertThat(List.of(noName, noPicture, text, noAction, noId)).extracting(Exchange::getException)
                .allSatisfy(e -> assertThat(e).isInstanceOf(MessengerValidationException.class));
        assertThat(((MessengerValidationException) noName.getException()).getField()).isEqualTo("name");
        assertThat(((MessengerValidationException) noPicture.getException()).getField()).isEqualTo("profile_picture_url");
        assertThat(((MessengerValidationException) noAction.getException()).getField()).isEqualTo("action");
        assertThat(((MessengerValidationException) noId.getException()).getField()).isEqualTo("persona_id");
        assertThat(messenger.simulator().requests()).isEmpty();
    }
}
