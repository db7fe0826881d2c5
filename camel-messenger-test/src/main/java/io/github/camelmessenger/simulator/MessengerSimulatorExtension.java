package io.github.camelmessenger.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link MessengerSimulator} for a test class: started before the first test, reset
 * before each (recorded requests, faults, latency, rate limits), stopped after the last. {@link #configure} points a
 * CamelContext's {@code messenger} component at it; a test method may also take the simulator as a parameter.
 *
 * <pre>
 * &#64;RegisterExtension
 * static MessengerSimulatorExtension messenger = new MessengerSimulatorExtension();
 *
 * &#64;Override
 * protected CamelContext createCamelContext() throws Exception {
 *     return messenger.configure(super.createCamelContext());
 * }
 * </pre>
 */
public class MessengerSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    /** The access token of the default Page of the extension's simulator. */
    public static final String DEFAULT_TOKEN = "simulator-page-token";

    private final MessengerSimulator.Builder builder;
    private MessengerSimulator simulator;

    /** A simulator with one Page, {@link MessengerSimulator#DEFAULT_PAGE_ID}, whose token is {@link #DEFAULT_TOKEN}. */
    public MessengerSimulatorExtension() {
        this(MessengerSimulator.builder().page(MessengerSimulator.DEFAULT_PAGE_ID, DEFAULT_TOKEN));
    }

    /** A simulator set up by {@code builder} (several Pages, an app secret, TLS). */
    public MessengerSimulatorExtension(MessengerSimulator.Builder builder) {
        this.builder = builder;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = builder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    /** The running simulator. */
    public MessengerSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs between the extension's beforeAll and afterAll:"
                    + " register it with @RegisterExtension on a static field");
        }
        return simulator;
    }

    /** The value for the {@code baseUrl} option. */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    /** The token of the simulator's first Page. */
    public String accessToken() {
        Map<String, String> tokens = simulator().tokensByPage();
        return tokens.values().iterator().next();
    }

    /**
     * Points the {@code messenger} component of {@code camelContext} at the simulator: its {@code baseUrl} and, unless
     * the test set one, the first Page's {@code accessToken}. Returns the context, for
     * {@code return messenger.configure(super.createCamelContext())}.
     */
    public CamelContext configure(CamelContext camelContext) {
        // bound by name, as from properties: the test kit is written apart from the component it tests
        Component component = camelContext.getComponent("messenger");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("baseUrl", baseUrl());
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        Object token = configurer instanceof PropertyConfigurerGetter getter
                ? getter.getOptionValue(component, "accessToken", true)
                : null;
        if (token == null) {
            options.put("accessToken", accessToken());
        }
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withConfigurer(configurer).withProperties(options).bind();
        return camelContext;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MessengerSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }
}
