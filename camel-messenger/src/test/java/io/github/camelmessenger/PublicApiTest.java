package io.github.camelmessenger;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's public API is on purpose: outside the {@code internal} packages no public or protected signature
 * names a Jackson type (Camel is moving to Jackson 3), except the documented escape hatch, the raw JSON of a
 * {@code WebhookEvent}. Every public class of the component's jar is checked, by reflection over its compiled classes.
 */
class PublicApiTest {

    private static final String BASE = "io.github.camelmessenger.";
    private static final String ESCAPE_HATCH = BASE + "webhook.WebhookEvent";

    @Test
    void noJacksonTypeInAPublicSignatureOutsideInternalPackages() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            if (type.getName().startsWith(ESCAPE_HATCH)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    check(violations, type, method.getName() + "()", method.getGenericReturnType());
                    checkParameters(violations, type, method);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    checkParameters(violations, type, constructor);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(violations, type, field.getName(), field.getGenericType());
                }
            }
            check(violations, type, "extends", type.getGenericSuperclass());
            for (Type implemented : type.getGenericInterfaces()) {
                check(violations, type, "implements", implemented);
            }
        }
        assertThat(violations).as("Jackson types in the public API").isEmpty();
    }

    @Test
    void theCheckSeesTheWholeApiAndTheInternalsAreInternal() throws Exception {
        List<String> names = publicClasses().stream().map(Class::getName).toList();
        assertThat(names).contains(BASE + "MessengerComponent", BASE + "model.Message", BASE + "error.MessengerApiException",
                BASE + "webhook.WebhookEvent");
        assertThat(names).noneMatch(name -> name.contains(".internal."));
    }

    private static void checkParameters(List<String> violations, Class<?> type, Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(violations, type, executable.getName() + "(...)", parameter);
        }
    }

    private static void check(List<String> violations, Class<?> owner, String member, Type type) {
        if (type != null && mentionsJackson(type, 0)) {
            violations.add(owner.getName() + "." + member + ": " + type.getTypeName());
        }
    }

    private static boolean mentionsJackson(Type type, int depth) {
        if (depth > 8) {
            return false;
        }
        if (type instanceof Class<?> plain) {
            return plain.getName().startsWith("com.fasterxml.jackson")
                    || plain.isArray() && mentionsJackson(plain.getComponentType(), depth + 1);
        }
        if (type instanceof ParameterizedType parameterized) {
            return mentionsJackson(parameterized.getRawType(), depth + 1)
                    || Stream.of(parameterized.getActualTypeArguments())
                            .anyMatch(argument -> mentionsJackson(argument, depth + 1));
        }
        if (type instanceof WildcardType wildcard) {
            return Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .anyMatch(bound -> mentionsJackson(bound, depth + 1));
        }
        if (type instanceof GenericArrayType array) {
            return mentionsJackson(array.getGenericComponentType(), depth + 1);
        }
        if (type instanceof TypeVariable<?> variable) {
            return Stream.of(variable.getBounds()).anyMatch(bound -> mentionsJackson(bound, depth + 1));
        }
        return false;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The public classes compiled from the component's sources, outside the internal packages. */
    private static List<Class<?>> publicClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(MessengerComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                if (!name.startsWith(BASE) || name.contains(".internal.")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (isPublicAllTheWay(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private static boolean isPublicAllTheWay(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }
}
