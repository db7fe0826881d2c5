package io.github.camelmessenger.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.Persona;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Plays the contact-center example on the simulator, step by step, and prints each step: what the person wrote, the
 * Graph calls each app made, the helpdesk's ticket, who controls the conversation. Every step checks what it shows.
 */
final class ContactCenterRun {

    private static final String PAGE = MessengerExamples.SIMULATOR_PAGE;
    private static final String PERSONA_PICTURE = "https://example.com/ada.png";

    private final MessengerSimulator simulator;
    private final ProducerTemplate template;
    private final Helpdesk helpdesk;
    private final PrintStream out;
    private final Map<String, String> appByToken = Map.of("Bearer " + MessengerExamples.SIMULATOR_TOKEN, "bot",
            "Bearer " + MessengerExamples.HELPDESK_TOKEN, "helpdesk");
    private boolean ok = true;

    ContactCenterRun(MessengerSimulator simulator, ProducerTemplate template, Helpdesk helpdesk, String baseUrl,
            PrintStream out) {
        this.simulator = simulator;
        this.template = template;
        this.helpdesk = helpdesk;
        this.out = out;
        // Meta posts each app's events to that app's webhook
        simulator.subscribe(baseUrl + "/contact-center/bot", MessengerExamples.SIMULATOR_APP_SECRET)
                .subscribe(MessengerExamples.HELPDESK_APP_ID, baseUrl + "/contact-center/helpdesk",
                        MessengerExamples.HELPDESK_APP_SECRET);
    }

    boolean run() {
        out.println();
        out.println("== contact-center (docs/conversation-routing.md): a bot, a helpdesk app, an agent");
        String person = MessengerExamples.LIVE_PERSON;
        String persona = step("the helpdesk creates its agent's persona", () -> {
            Exchange exchange = template.send("direct:create-agent-persona",
                    e -> e.getMessage().setBody(Persona.of("Ada from support", PERSONA_PICTURE)));
            return exchange.getMessage().getHeader(MessengerConstants.PERSONA_ID, String.class);
        }, calls -> calls.size() == 1 && calls.get(0).path().endsWith("/personas"));

        personWrites(person, "Hi, where is my order 4711?", null, "the bot answers",
                calls -> sent(calls, "bot", "order bot"));
        personWrites(person, "I want to talk to an agent", null,
                "the person asks for an agent: the bot says so and passes the conversation to the helpdesk, which reads"
                        + " the person's profile for its ticket",
                calls -> sent(calls, "bot", "Connecting you") && called(calls, "bot", "pass_thread_control")
                        && called(calls, "helpdesk", "/" + person));
        check("ticket: " + helpdesk.ticket(person), helpdesk.ticket(person) != null);
        personWrites(person, "My parcel 4711 is late", null,
                "the person writes again: the helpdesk gets it, the bot only in standby (logged, not answered)",
                calls -> calls.isEmpty());
        check("ticket: " + helpdesk.ticket(person), helpdesk.ticket(person).messages().contains("My parcel 4711 is late"));
        agentReplies(person, persona, "Hi, Ada here. Your parcel arrives tomorrow before noon.",
                "the agent answers as the persona; within 24 hours of the person's message it is a RESPONSE",
                request -> "RESPONSE".equals(request.json().path("messaging_type").asText()));
        step("the agent is done: the helpdesk releases the conversation", () -> template.send("direct:agent-done",
                e -> e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, person)),
                calls -> called(calls, "helpdesk", "release_thread_control"));
        check("thread owner: app " + simulator.threadOwner(PAGE, person) + " (the bot)",
                MessengerSimulator.APP_ID.equals(simulator.threadOwner(PAGE, person)));
        personWrites(person, "Thanks!", null, "the person writes: the bot answers again",
                calls -> sent(calls, "bot", "order bot"));

        String late = MessengerExamples.WEEKEND_PERSON;
        personWrites(late, "Is anybody there?", Duration.ofHours(30),
                "a message Meta redelivered 30 hours late: a bot may no longer answer it, so the bot passes it to the"
                        + " helpdesk (people have 7 days)",
                calls -> called(calls, "bot", "pass_thread_control") && calls.stream().noneMatch(c -> c.path().endsWith(
                        "/messages")));
        agentReplies(late, persona, "Sorry for the wait: Ada here, how can I help?",
                "the agent answers 30 hours after the person's message: with the HUMAN_AGENT tag, chosen by the endpoint",
                request -> "MESSAGE_TAG".equals(request.json().path("messaging_type").asText())
                        && "HUMAN_AGENT".equals(request.json().path("tag").asText()));
        return ok;
    }

    private void personWrites(String psid, String text, Duration ago, String what, Predicate<List<RecordedRequest>> expected) {
        step(what, () -> {
            out.println("   person:   \"" + text + "\"" + (ago == null ? "" : " (" + ago.toHours() + " hours ago)"));
            String mid = ago == null ? simulator.userSends(PAGE, psid, text) : simulator.userSends(PAGE, psid, text, ago);
            simulator.awaitWebhooks();
            return mid;
        }, expected);
    }

    private void agentReplies(String psid, String persona, String text, String what, Predicate<RecordedRequest> expected) {
        step(what, () -> template.send("direct:agent-reply", e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, psid);
            e.getMessage().setHeader(MessengerConstants.PERSONA_ID, persona);
            e.getMessage().setHeader(MessengerConstants.LAST_USER_MESSAGE_TIME, helpdesk.lastMessageAt(psid));
        }), calls -> calls.size() == 1 && calls.get(0).delivered() && expected.test(calls.get(0))
                && persona.equals(calls.get(0).json().path("persona_id").asText()));
    }

    /** Runs one step, prints the Graph calls it made, and checks them. */
    private <T> T step(String what, StepAction<T> action, Predicate<List<RecordedRequest>> expected) {
        out.println();
        out.println("-- " + what);
        int before = simulator.requests().size();
        T result = action.run();
        if (result instanceof Exchange exchange && exchange.getException() != null) {
            out.println("   FAILED:   " + exchange.getException());
            ok = false;
        }
        List<RecordedRequest> calls = simulator.requests().subList(before, simulator.requests().size());
        for (RecordedRequest call : calls) {
            out.println("   " + String.format("%-9s", appByToken.getOrDefault(call.header("Authorization"), "?") + ":")
                    + " " + call.method() + " " + call.path() + (call.query() == null ? "" : "?" + call.query())
                    + (call.body().length == 0 ? "" : " " + call.json()));
        }
        check(calls.isEmpty() ? "no Graph call" : calls.size() + " Graph call(s)", expected.test(calls));
        return result;
    }

    private void check(String what, boolean passed) {
        out.println("   " + (passed ? "ok:       " : "FAILED:   ") + what);
        ok &= passed;
    }

    private boolean sent(List<RecordedRequest> calls, String app, String text) {
        return calls.stream().anyMatch(call -> app.equals(appByToken.get(call.header("Authorization")))
                && call.path().endsWith("/messages") && call.json().path("message").path("text").asText().contains(text));
    }

    private boolean called(List<RecordedRequest> calls, String app, String pathEnd) {
        return calls.stream().anyMatch(call -> app.equals(appByToken.get(call.header("Authorization")))
                && call.path().endsWith(pathEnd) && call.delivered()
                || app.equals(appByToken.get(call.header(
                        "Authorization"))) && call.path().endsWith(pathEnd) && "GET".equals(call.method()));
    }

    @FunctionalInterface
    private interface StepAction<T> {

        T run();
    }
}
