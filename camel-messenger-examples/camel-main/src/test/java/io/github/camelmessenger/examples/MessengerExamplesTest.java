package io.github.camelmessenger.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example command, run as a test against the embedded simulator (whatever the environment holds). */
class MessengerExamplesTest {

    @Test
    @Timeout(60)
    void everyExampleRunsAgainstTheSimulator() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean ok = MessengerExamples.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), java.util.Map.of());
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(ok).as(output).isTrue();
        assertThat(output)
                .contains("== text", "\"text\":\"Hello from camel-messenger!\"")
                .contains("== quick-replies", "\"content_type\":\"user_email\"")
                .contains("== image", "\"type\":\"image\"")
                .contains("== typing", "\"sender_action\":\"typing_on\"")
                .contains("== tagged-update", "\"tag\":\"CONFIRMED_EVENT_UPDATE\"")
                .contains("== failing", "not sent: INVALID_REQUEST code 100 subcode 2018001 retryable false")
                .contains("== send-reliably", "after 2 redeliveries")
                .contains("== yaml-quick-replies", "\"notification_type\":\"SILENT_PUSH\"", "Which color? (sent from YAML)")
                .contains("== yaml-template", "\"template_type\":\"button\"")
                .contains("== xml-typing", "== xml-account-update", "\"tag\":\"ACCOUNT_UPDATE\"")
                .contains("answered: HTTP 200")
                .contains(echoReply(MessengerExamples.SIMULATOR_PAGE), echoReply(MessengerExamples.SIMULATOR_SECOND_PAGE))
                .contains(echoReplyLine(MessengerExamples.SIMULATOR_PAGE),
                        echoReplyLine(MessengerExamples.SIMULATOR_SECOND_PAGE))
                .contains("== contact-center", "-- the person asks for an agent",
                        "bot:      POST /v25.0/" + MessengerExamples.SIMULATOR_PAGE + "/pass_thread_control",
                        "helpdesk: GET /v25.0/" + MessengerExamples.LIVE_PERSON + "?fields=first_name,last_name,profile_pic",
                        "helpdesk: POST /v25.0/me/release_thread_control",
                        "\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\",\"persona_id\":")
                .doesNotContain("FAILED")
                .contains("All examples ran as expected.")
                .doesNotContain(MessengerExamples.SIMULATOR_TOKEN).doesNotContain(MessengerExamples.SIMULATOR_APP_SECRET);
    }

    /** The echo bot's reply to the event of {@code page}, sent from that Page. */
    private static String echoReply(String page) {
        return "== echo-bot (Page " + page + ")\n"
                + "   webhook:  POST ";
    }

    private static String echoReplyLine(String page) {
        return "   replied:  POST /v25.0/" + page + "/messages {\"recipient\":{\"id\":\"1254477777772919\"},"
                + "\"messaging_type\":\"RESPONSE\",\"reply_to\":{\"mid\":\"m_incoming_" + page + "\"},"
                + "\"message\":{\"text\":\"You said: Hello bot of " + page + "\"}}";
    }
}
