package io.github.camelmessenger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * messenger.json loaded into Camel's own catalog: every endpoint URI written in the docs, the README and the examples
 * is valid by Camel's tooling, and the tooling catches what is wrong.
 */
class CatalogValidationTest {

    private static final Pattern URI = Pattern.compile("messenger:(?:send|upload|webhook)(?:\\?[^\"'\\s`)<>]*)?");
    /** Options every Camel component inherits from Camel's base classes, with Camel's own descriptions. */
    private static final java.util.Set<String> CAMEL_INHERITED = java.util.Set.of("bridgeErrorHandler", "exceptionHandler",
            "exchangePattern", "lazyStartProducer", "autowiredEnabled", "healthCheckConsumerEnabled",
            "healthCheckProducerEnabled");
    private static String json;
    private static CamelCatalog catalog;

    @BeforeAll
    static void loadCatalog() throws IOException {
        try (InputStream in = CatalogValidationTest.class
                .getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("messenger", MessengerComponent.class.getName(), json);
    }

    static TreeSet<String> documentedUris() throws IOException {
        TreeSet<String> uris = new TreeSet<>();
        Path root = Path.of("..");
        try (Stream<Path> files = Stream.of(
                Files.walk(root.resolve("docs")),
                Stream.of(root.resolve("README.md")),
                Files.walk(root.resolve("camel-messenger-examples"))
                        .filter(f -> f.toString().contains("/src/main/")))
                .flatMap(s -> s)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(md|java|yaml|xml)$"))::iterator) {
                String text = Files.readString(file);
                Matcher matcher = URI.matcher(file.toString().endsWith(".xml") ? text.replace("&amp;", "&") : text);
                while (matcher.find()) {
                    String uri = matcher.group().replaceAll("[.,;:]+$", "");
                    if (!uri.endsWith("=")) {
                        uris.add(uri);
                    }
                }
            }
        }
        return uris;
    }

    @Test
    void everyDocumentedUriIsValidForCamelsCatalog() throws IOException {
        TreeSet<String> uris = documentedUris();
        assertThat(uris).as("the docs and examples show endpoint URIs").hasSizeGreaterThan(10);
        for (String uri : uris) {
            boolean consumer = uri.startsWith("messenger:webhook");
            EndpointValidationResult result = catalog.validateEndpointProperties(uri, false, consumer, !consumer);
            assertThat(result.isSuccess()).as(uri + ": " + result.summaryErrorMessage(false)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "messenger:send?accesToken=t                      | accesToken",
            "messenger:send?messagingType=PROMOTION          | PROMOTION",
            "messenger:send?platform=whatsapp                | whatsapp",
            "messenger:send?includeEchoes=maybe              | maybe",
            "messenger:send?connectTimeout=soon              | ",
            "messenger:send?verifyToken=t&accessToken=x      | verifyToken",
            "messenger:                                      | "})
    void catalogCatchesMistakes(String uri, String mentioned) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri, false, false, true);

        assertThat(result.isSuccess()).as(uri).isFalse();
        if (mentioned != null) {
            assertThat(result.summaryErrorMessage(false)).contains(mentioned);
        }
    }

    @Test
    void descriptionsAreCompleteSentences() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(json);
        assertThat(metadata.path("component").path("description").asText()).matches("[A-Z].*\\.");
        for (String section : new String[]{"componentProperties", "properties", "headers"}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metadata.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (CAMEL_INHERITED.contains(entry.getKey())) {
                    continue; // written by Camel, not by us
                }
                assertThat(entry.getValue().path("description").asText()).as(section + "." + entry.getKey())
                        .matches("(?s)[A-Z].*[.)]");
            }
        }
    }
}
