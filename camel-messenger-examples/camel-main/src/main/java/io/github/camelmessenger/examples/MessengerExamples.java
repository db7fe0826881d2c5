package io.github.camelmessenger.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.PageAccessTokenProvider;
import io.github.camelmessenger.simulator.Fault;
import io.github.camelmessenger.simulator.Fixtures;
import io.github.camelmessenger.simulator.MessengerSimulator;
import io.github.camelmessenger.simulator.RecordedRequest;
import io.github.camelmessenger.simulator.WebhookSender;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Runs every example route once and prints what was sent and what came back. By default against the embedded Graph
 * API simulator; with MESSENGER_ACCESS_TOKEN, MESSENGER_PAGE_ID and MESSENGER_RECIPIENT_ID set, against the real Graph
 * API. Exits with status 1 if an example did not end as expected.
 */
public final class MessengerExamples {

    static final String SIMULATOR_TOKEN = "simulator-page-token";
    static final String SIMULATOR_RECIPIENT = "1254477777772919";
    static final List<String> ROUTES = List.of("text", "quick-replies", "image", "typing", "tagged-update", "failing",
            "send-reliably", "yaml-quick-replies", "yaml-template", "xml-typing", "xml-account-update");
    static final String SIMULATOR_PAGE = "106540352242922";
    /** The second Page the echo bot answers for: one application, several Pages, each replying as itself. */
    static final String SIMULATOR_SECOND_PAGE = "2233445566";
    static final String SIMULATOR_SECOND_TOKEN = "simulator-second-page-token";
    static final String SIMULATOR_APP_SECRET = "simulator-app-secret";
    static final String SIMULATOR_VERIFY_TOKEN = "simulator-verify-token";
    /** The contact center's helpdesk: a second app of the Page, with its own token and app secret. */
    static final String HELPDESK_APP_ID = "555000111222333";
    static final String HELPDESK_TOKEN = "simulator-helpdesk-token";
    static final String HELPDESK_APP_SECRET = "simulator-helpdesk-app-secret";
    /** The people of the contact-center example. */
    static final String LIVE_PERSON = "2468013579024680";
    static final String WEEKEND_PERSON = "1357924680135792";

    private MessengerExamples() {
    }

    /** The report goes to standard output: it is what this command is for, not a log. */
    public static void main(String[] args) throws Exception {
        boolean ok = run(System.out, System.getenv());
        System.exit(ok ? 0 : 1);
    }

    /**
     * Runs the examples, reporting on {@code out}; true when every route ended as expected. Against the real Graph API
     * when {@code environment} has MESSENGER_ACCESS_TOKEN, MESSENGER_PAGE_ID and MESSENGER_RECIPIENT_ID; then the report
     * holds message ids only, no payload and no PSID.
     */
    public static boolean run(PrintStream out, Map<String, String> environment) throws Exception {
        String token = environment.get("MESSENGER_ACCESS_TOKEN");
        boolean real = token != null && !token.isBlank() && environment.get("MESSENGER_PAGE_ID") != null
                && environment.get("MESSENGER_RECIPIENT_ID") != null;
        MessengerSimulator simulator = real
                ? null
                : MessengerSimulator.builder().page(SIMULATOR_PAGE, SIMULATOR_TOKEN)
                        .page(SIMULATOR_SECOND_PAGE, SIMULATOR_SECOND_TOKEN)
                        .app(HELPDESK_APP_ID, SIMULATOR_PAGE, HELPDESK_TOKEN)
                        .start();
        Helpdesk helpdesk = new Helpdesk();
        int webhookPort = 0;
        Main main = new Main();
        // application.properties belongs to the Spring Boot example: this Camel Main application is configured in code
        main.setDefaultPropertyPlaceholderLocation("false");
        try {
            main.configure().addRoutesBuilder(new ExampleRoutes());
            main.configure()
                    .addRoutesBuilder(new ReliableSendRoutes("messenger:send", "log:messenger-dead-letters?level=WARN"));
            // the same component, routes written in the YAML and XML DSLs
            main.configure()
                    .withRoutesIncludePattern("classpath:routes/messenger-routes.yaml,classpath:routes/messenger-routes.xml");
            if (real) {
                out.println("Sending to the real Graph API, Page " + environment.get("MESSENGER_PAGE_ID"));
                main.addInitialProperty("camel.component.messenger.access-token", token);
                main.addInitialProperty("camel.component.messenger.page-id", environment.get("MESSENGER_PAGE_ID"));
                main.addInitialProperty("camel.component.messenger.recipient-id", environment.get("MESSENGER_RECIPIENT_ID"));
            } else {
                out.println("Sending to the embedded Graph API simulator at " + simulator.baseUrl()
                        + " (set MESSENGER_ACCESS_TOKEN, MESSENGER_PAGE_ID, MESSENGER_RECIPIENT_ID for the real one)");
                main.addInitialProperty("camel.component.messenger.access-token", SIMULATOR_TOKEN);
                // the echo bot answers for two Pages: each reply goes out from the Page that received the message
                main.addInitialProperty("camel.component.messenger.page-access-tokens[" + SIMULATOR_PAGE + "]",
                        SIMULATOR_TOKEN);
                main.addInitialProperty("camel.component.messenger.page-access-tokens[" + SIMULATOR_SECOND_PAGE + "]",
                        SIMULATOR_SECOND_TOKEN);
                main.addInitialProperty("camel.component.messenger.recipient-id", SIMULATOR_RECIPIENT);
                main.addInitialProperty("camel.component.messenger.base-url", simulator.baseUrl());
                // the echo bot: a webhook consumer on Camel Main's HTTP server, fed by the simulator
                webhookPort = freePort();
                main.configure().addRoutesBuilder(new EchoBotRoutes());
                main.addInitialProperty("camel.server.enabled", "true");
                main.addInitialProperty("camel.server.host", "127.0.0.1");
                main.addInitialProperty("camel.server.port", String.valueOf(webhookPort));
                // the HTTP engine refuses a larger body from its Content-Length, before reading it (docs/webhook.md)
                main.addInitialProperty("camel.server.maxBodySize", "1048576");
                main.addInitialProperty("messenger.verify-token", SIMULATOR_VERIFY_TOKEN);
                main.addInitialProperty("messenger.app-secret", SIMULATOR_APP_SECRET);
                // the contact center: the bot (this app) and a helpdesk app on the same Page
                main.configure().addRoutesBuilder(new ContactCenterRoutes(helpdesk));
                main.addInitialProperty("contact-center.helpdesk-app-id", HELPDESK_APP_ID);
                main.bind(ContactCenterRoutes.HELPDESK_TOKENS, (PageAccessTokenProvider) pageId -> HELPDESK_TOKEN);
                main.addInitialProperty("contact-center.helpdesk-app-secret", HELPDESK_APP_SECRET);
            }
            main.start();
            boolean ok = runRoutes(main.getCamelContext().createProducerTemplate(), simulator, out);
            if (simulator != null) {
                ok &= runEchoBot(simulator, webhookPort, out);
                ok &= new ContactCenterRun(simulator, main.getCamelContext().createProducerTemplate(), helpdesk,
                        "http://127.0.0.1:" + webhookPort, out).run();
            }
            out.println();
            out.println(ok ? "All examples ran as expected." : "Some examples did not run as expected (see above).");
            return ok;
        } finally {
            main.stop();
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static boolean runRoutes(ProducerTemplate template, MessengerSimulator simulator, PrintStream out) {
        List<String> failures = new ArrayList<>();
        for (String route : ROUTES) {
            if (simulator != null && "failing".equals(route)) {
                // what the Graph API answers for a PSID that does not exist
                simulator.enqueue(Fault.graphError(400, 100, 2018001, "(#100) No matching user found"));
            }
            if (simulator != null && "send-reliably".equals(route)) {
                // two failures a retry can cure: the retry recipe delivers on the third attempt
                simulator.enqueue(Fault.httpStatus(503), Fault.transientError(1200, "(#1200) Temporary send message failure"));
            }
            int before = simulator == null ? 0 : simulator.requests().size();
            Exchange exchange = template.send("direct:" + route, e -> e.getIn().setBody("Sent with the retry recipe"));
            out.println();
            out.println("== " + route);
            if (simulator != null && simulator.requests().size() > before) {
                RecordedRequest request = simulator.lastRequest();
                out.println("   sent:     POST " + request.path() + " " + request.json());
            }
            String messageId = exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID, String.class);
            String recipientId = exchange.getMessage().getHeader(MessengerConstants.RECIPIENT_ID, String.class);
            if (exchange.getException() != null) {
                out.println("   FAILED:   " + exchange.getException());
                failures.add(route);
            } else if ("failing".equals(route)) {
                out.println("   handled:  " + exchange.getMessage().getBody());
                if (exchange.getMessage().getHeader("failure") == null) {
                    failures.add(route);
                }
            } else {
                Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
                // the simulator's PSIDs are made up; a real one is personal data and stays out of the report
                out.println("   received: " + (messageId == null ? "" : "message_id=" + messageId + " ")
                        + (simulator == null ? "" : "recipient_id=" + recipientId)
                        + (redeliveries == null || redeliveries == 0 ? "" : " after " + redeliveries + " redeliveries"));
                if (!route.endsWith("typing") && messageId == null) {
                    failures.add(route);
                }
            }
        }
        if (!failures.isEmpty()) {
            out.println();
            out.println("Examples that did not run as expected: " + failures);
        }
        return failures.isEmpty();
    }

    /**
     * The simulator plays Meta: it posts a signed message event to the echo bot for each of two Pages and records the
     * bot's replies, each sent from the Page that received the message (the CamelMessengerPageId header of the event).
     */
    private static boolean runEchoBot(MessengerSimulator simulator, int port, PrintStream out) throws InterruptedException {
        String url = "http://127.0.0.1:" + port + "/messenger/webhook";
        WebhookSender meta = simulator.webhooks(url, SIMULATOR_APP_SECRET);
        boolean ok = true;
        for (String page : List.of(SIMULATOR_PAGE, SIMULATOR_SECOND_PAGE)) {
            String text = "Hello bot of " + page;
            String event = Fixtures.textMessageEvent(page, SIMULATOR_RECIPIENT, "m_incoming_" + page, text);
            out.println();
            out.println("== echo-bot (Page " + page + ")");
            out.println("   webhook:  POST " + url + " " + event);
            int status = meta.post(event);
            out.println("   answered: HTTP " + status);
            ok &= status == 200 && awaitReply(simulator, page, "You said: " + text, out);
        }
        return ok;
    }

    private static boolean awaitReply(MessengerSimulator simulator, String page, String reply, PrintStream out)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (RecordedRequest request : simulator.requests()) {
                if (reply.equals(request.json().path("message").path("text").asText())) {
                    out.println("   replied:  POST " + request.path() + " " + request.json());
                    return request.path().equals("/v25.0/" + page + "/messages") && request.delivered();
                }
            }
            Thread.sleep(20);
        }
        out.println("   FAILED:   no reply reached the simulator");
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
