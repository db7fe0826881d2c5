package io.github.camelmessenger.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.messenger.*} from the Spring environment (application.properties, environment
 * variables, ...) to the messenger component when Camel creates it, through Camel's own property binding, so values
 * convert exactly as in an endpoint URI ({@code 15s}, {@code SILENT_PUSH}, {@code #bean} references).
 * {@code camel.component.messenger.enabled=false} turns this off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass(MessengerComponent.class)
@ConditionalOnProperty(name = "camel.component.messenger.enabled", havingValue = "true", matchIfMissing = true)
public class MessengerComponentAutoConfiguration {

    static final String PREFIX = "camel.component.messenger";

    @Bean
    public ComponentCustomizer messengerComponentCustomizer(Environment environment) {
        return ComponentCustomizer.forType(MessengerComponent.class, component -> {
            Map<String, Object> options = new LinkedHashMap<>();
            Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class)).ifBound(bound ->
                    bound.forEach((key, value) -> {
                        if (!"enabled".equals(key) && !(value instanceof Map)) {
                            options.put(StringHelper.dashToCamelCase(key), value);
                        }
                    }));
            PropertyBindingSupport.build()
                    .withCamelContext(component.getCamelContext())
                    .withTarget(component)
                    .withProperties(options)
                    .withConfigurer(component.getComponentPropertyConfigurer())
                    .withRemoveParameters(true)
                    .bind();
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("Unknown " + PREFIX + " options: " + options.keySet());
            }
        });
    }
}
