package io.github.camelmessenger.springboot;

import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.messenger.*} ({@link MessengerComponentConfiguration}) to the messenger component when
 * Camel creates it, the way Camel's own starters do: through a {@link ComponentCustomizer}, on by default, off with
 * {@code camel.component.enabled=false}, {@code camel.component.messenger.enabled=false} or
 * {@code camel.component.messenger.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, MessengerComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.messenger"})
public class MessengerComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final MessengerComponentConfiguration configuration;

    public MessengerComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            MessengerComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureMessengerComponent() {
        return new ComponentCustomizer() {

            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.messenger.customizer") && target instanceof MessengerComponent;
            }
        };
    }
}
