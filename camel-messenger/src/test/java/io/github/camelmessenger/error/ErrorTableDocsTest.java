package io.github.camelmessenger.error;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error table of docs/troubleshooting.md (its one home: every other page links to it) is rendered from
 * {@link GraphErrorClassifier#RULES}: this test fails on any difference, and never writes into docs/ unless asked to,
 * with {@code mvn -pl camel-messenger test -Dtest=DocsTablesTest,ErrorTableDocsTest -Dmessenger.docs.update=true}.
 */
class ErrorTableDocsTest {

    private static final Path DOC = Path.of("..", "docs", "troubleshooting.md");
    private static final String START = "<!-- error-table:start -->\n";
    private static final String END = "<!-- error-table:end -->";

    @Test
    void troubleshootingTableMatchesTheClassifier() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        assertThat(from).as("marker " + START).isNotNegative();
        assertThat(to).as("marker " + END).isGreaterThan(from);
        String expected = doc.substring(0, from + START.length()) + table() + doc.substring(to);

        if (Boolean.getBoolean("messenger.docs.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc).as("docs/troubleshooting.md error table is out of date: run with -Dmessenger.docs.update=true")
                .isEqualTo(expected);
    }

    @Test
    void everyRuleClassifiesItsOwnCodes() {
        for (GraphErrorClassifier.Rule rule : GraphErrorClassifier.RULES) {
            for (GraphErrorClassifier.Match match : rule.matches()) {
                ErrorCategory category = match instanceof GraphErrorClassifier.Code code
                        ? GraphErrorClassifier.classify(400, code.from(), code.subcode(), false)
                        : GraphErrorClassifier.classify(((GraphErrorClassifier.Status) match).from(), null, null, false);
                assertThat(category).as(match.toString()).isEqualTo(rule.category());
            }
        }
    }

    static String table() {
        StringBuilder sb = new StringBuilder("| code / subcode | category | retryable | what it means | what to do |\n"
                + "|---|---|---|---|---|\n");
        for (GraphErrorClassifier.Rule rule : GraphErrorClassifier.RULES) {
            sb.append("| ").append(rule.matches().stream().map(Object::toString).collect(Collectors.joining(", ")))
                    .append(" | `").append(rule.category()).append("` | ").append(rule.category().isRetryable() ? "yes" : "no")
                    .append(" | ").append(rule.meaning()).append(" | ").append(rule.whatToDo()).append(" |\n");
        }
        sb.append("| `is_transient: true`, any code | `TRANSIENT` (a rate limit stays `RATE_LIMIT`) | yes | Meta says a retry"
                + " can succeed: its flag wins over the code | retry with backoff |\n");
        sb.append("| HTTP 2xx without the `message_id` of a message (or the `attachment_id` of an upload), or with an empty,"
                + " non-JSON or oversized body | `UNCONFIRMED` | no | the call was not confirmed: it may have taken effect"
                + " | not retried by the recipe; look the message up (the echo webhook, the conversations consumer) before"
                + " sending it again |\n");
        sb.append("| anything else | `UNKNOWN` | no | not in the table | not retried; `getError()` has Meta's answer (each"
                + " text cut to 1,000 characters) |\n");
        return sb.toString();
    }
}
