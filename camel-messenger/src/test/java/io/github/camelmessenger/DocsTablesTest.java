package io.github.camelmessenger;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of docs/component.md are rendered from messenger.json: this test fails on any
 * difference. {@code -Dmessenger.docs.update=true} rewrites them.
 */
class DocsTablesTest {

    private static final Path DOC = Path.of("..", "docs", "component.md");

    @Test
    void docsTablesMatchTheComponentMetadata() throws Exception {
        // the docs are generated from the metadata of the main line (4.18); an older LTS build generates its own
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("camel.version", "4.18").startsWith("4.18"),
                "docs tables are checked on the 4.18 line");
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = replace(replace(replace(doc,
                "endpoint-options", options(json.get("properties"))),
                "component-options", options(json.get("componentProperties"))),
                "headers", headers(json.get("headers")));

        if (Boolean.getBoolean("messenger.docs.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc).as("docs/component.md tables are out of date: run with -Dmessenger.docs.update=true")
                .isEqualTo(expected);
    }

    private static String replace(String doc, String marker, String table) {
        String start = "<!-- " + marker + ":start -->\n";
        String end = "<!-- " + marker + ":end -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("marker " + start).isNotNegative();
        assertThat(to).as("marker " + end).isGreaterThan(from);
        return doc.substring(0, from + start.length()) + table + doc.substring(to);
    }

    private static String options(JsonNode properties) {
        StringBuilder sb = new StringBuilder("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode p = entry.getValue();
            String type = p.path("type").asText();
            if (p.has("enum")) {
                StringBuilder values = new StringBuilder();
                p.get("enum").forEach(
                        v -> values.append(values.length() == 0 ? "" : ", ").append('`').append(v.asText()).append('`'));
                type = values.toString();
            }
            sb.append("| `").append(entry.getKey()).append("` | ").append(p.path("group").asText()).append(" | ")
                    .append(type).append(" | ")
                    .append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "").append(" | ")
                    .append(cell(p.path("description").asText()))
                    .append(p.path("required").asBoolean() ? " **Required.**" : "")
                    .append(p.path("secret").asBoolean() ? " **Secret.**" : "")
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            sb.append("| `").append(entry.getKey()).append("` | `").append(entry.getValue().path("javaType").asText())
                    .append("` | ").append(cell(entry.getValue().path("description").asText())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
