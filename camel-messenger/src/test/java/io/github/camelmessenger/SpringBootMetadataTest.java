package io.github.camelmessenger;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot configuration metadata shipped in the jar (so IDEs complete {@code camel.component.messenger.*} in
 * application.properties) is rendered from messenger.json: this test fails on any difference.
 * {@code -Dmessenger.docs.update=true} rewrites it.
 */
class SpringBootMetadataTest {

    private static final Path FILE = Path.of("src", "main", "resources", "META-INF", "spring-configuration-metadata.json");
    private static final String PREFIX = "camel.component.messenger";

    @Test
    void springBootMetadataMatchesTheComponentMetadata() throws Exception {
        Assumptions.assumeTrue(System.getProperty("camel.version", "4.18").startsWith("4.18"), "rendered from the 4.18 metadata");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode component;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            component = mapper.readTree(in);
        }
        ObjectNode expected = mapper.createObjectNode();
        ObjectNode group = expected.putArray("groups").addObject();
        group.put("name", PREFIX);
        group.put("type", MessengerComponent.class.getName());
        group.put("description", "The default options of every messenger endpoint (Camel's Messenger component).");
        ArrayNode properties = expected.putArray("properties");
        ObjectNode enabled = properties.addObject();
        enabled.put("name", PREFIX + ".enabled");
        enabled.put("type", "java.lang.Boolean");
        enabled.put("description", "Whether camel-messenger-spring-boot-starter configures the messenger component from these"
                                   + " properties.");
        enabled.put("defaultValue", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = component.get("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode option = entry.getValue();
            ObjectNode property = properties.addObject();
            property.put("name", PREFIX + "." + kebab(entry.getKey()));
            property.put("type", javaType(option));
            property.put("description", option.path("description").asText());
            property.put("sourceType", MessengerComponent.class.getName());
            if (option.has("defaultValue")) {
                property.set("defaultValue", option.get("defaultValue"));
            }
        }
        String rendered = mapper.writeValueAsString(expected) + "\n";

        if (Boolean.getBoolean("messenger.docs.update")) {
            Files.writeString(FILE, rendered, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("spring-configuration-metadata.json is out of date: run with -Dmessenger.docs.update=true").isEqualTo(rendered);
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String javaType(JsonNode option) {
        String type = option.path("javaType").asText();
        if ("duration".equals(option.path("type").asText())) {
            return "java.time.Duration";
        }
        return switch (type) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            default -> type;
        };
    }
}
