package io.github.camelmessenger;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache HttpClient's own header logger prints the Page access token at DEBUG (so docs/security.md names it), and the
 * component warns at start when it is on. Its own warning holds no secret.
 */
class CredentialLoggersTest extends MessengerTestSupport {

    private static final String HEADERS_LOGGER = "org.apache.hc.client5.http.headers";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogs() {
        root.detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(HEADERS_LOGGER)).setLevel(null);
    }

    @Test
    void httpClientsHeaderLoggerPrintsTheTokenAtDebugWhichIsWhyTheDocsWarn() {
        ((Logger) LoggerFactory.getLogger(HEADERS_LOGGER)).setLevel(Level.DEBUG);

        send(sendUri("recipientId=1"), "x", Map.of());

        assertThat(messagesOf(HEADERS_LOGGER)).anySatisfy(line -> assertThat(line).contains("Bearer " + TOKEN));
    }

    @Test
    void theComponentWarnsOnceAtStartWhenACredentialLoggerIsOn() throws Exception {
        ((Logger) LoggerFactory.getLogger(HEADERS_LOGGER)).setLevel(Level.DEBUG);

        try (CamelContext other = new DefaultCamelContext()) {
            other.addComponent("messenger", new MessengerComponent());
            other.start();
            other.getComponent("messenger");
        }

        List<ILoggingEvent> warnings = logs.list.stream()
                .filter(e -> e.getLevel() == Level.WARN && e.getLoggerName().equals(MessengerComponent.class.getName()))
                .toList();
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.getFormattedMessage()).contains(HEADERS_LOGGER).contains("Authorization").doesNotContain(TOKEN);
        });
    }

    @Test
    void noWarningWhenTheyAreOff() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            other.addComponent("messenger", new MessengerComponent());
            other.start();
        }

        assertThat(CredentialLoggers.warnIfEnabled()).isEmpty();
        assertThat(logs.list)
                .noneMatch(e -> e.getLevel() == Level.WARN && e.getLoggerName().equals(MessengerComponent.class.getName()));
    }

    private List<String> messagesOf(String logger) {
        return logs.list.stream().filter(e -> e.getLoggerName().startsWith(logger)).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
