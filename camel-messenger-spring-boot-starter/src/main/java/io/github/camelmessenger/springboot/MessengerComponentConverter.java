package io.github.camelmessenger.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerHttpClientConfigurer;
import io.github.camelmessenger.PageAccessTokenProvider;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean options of {@code camel.component.messenger.*} from a reference, {@code #bean:name} (or {@code #name}),
 * to that bean of the application context, as Camel's own starters do.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class MessengerComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_OPTION_TYPES = Set.of(MessengerConfiguration.class,
            MessengerHttpClientConfigurer.class,
            PageAccessTokenProvider.class,
            SSLContextParameters.class);

    private final ApplicationContext applicationContext;

    public MessengerComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        BEAN_OPTION_TYPES.forEach(type -> pairs.add(new ConvertiblePair(String.class, type)));
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
