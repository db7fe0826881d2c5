package io.github.camelmessenger.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every component option of messenger.json has its starter property in the IDE metadata that
 * spring-boot-configuration-processor wrote into this jar, documented with the option's own description, and no
 * property names an option the component lacks.
 */
class StarterMetadataTest {

    private static final String PREFIX = "camel.component.messenger.";

    @Test
    void everyComponentOptionHasAStarterProperty() throws Exception {
        JsonNode component = read("/META-INF/io/github/camelmessenger/messenger.json").get("componentProperties");
        Map<String, JsonNode> properties = new HashMap<>();
        read("/META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(property -> properties.put(property.get("name").asText(), property));

        for (Iterator<String> options = component.fieldNames(); options.hasNext();) {
            String option = options.next();
            String property = PREFIX + kebab(option);
            assertThat(properties).as("starter property " + property).containsKey(property);
            String description = properties.get(property).path("description").asText();
            assertThat(description).as(property + " is documented").isNotBlank();
            // the property says what the option says: a description changed in the component is changed here too
            assertThat(normalized(description)).as(property + " describes the option as messenger.json does")
                    .startsWith(normalized(component.get(option).path("description").asText()));
        }
        properties.keySet().stream().map(name -> name.substring(PREFIX.length()))
                .filter(name -> !name.equals("enabled") && !name.equals("customizer.enabled"))
                .forEach(name -> assertThat(component.has(camel(name))).as("option behind " + PREFIX + name).isTrue());
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = StarterMetadataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    /** Whitespace as one space, without the HTML escapes a javadoc needs. */
    private static String normalized(String text) {
        return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ").trim();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
