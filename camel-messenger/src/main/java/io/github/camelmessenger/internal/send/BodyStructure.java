package io.github.camelmessenger.internal.send;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.error.MessengerValidationException;

/**
 * Checks that a body can become JSON before Jackson is asked to write it: no cycle (a {@code Map} that contains
 * itself), at most {@value #MAX_DEPTH} levels of nesting and at most {@value #MAX_VALUES} values. Without this a
 * self-containing or absurdly deep {@code Map} throws {@code StackOverflowError} out of the producer, an
 * {@code Error} that escapes the route's error handler and kills its thread. The deepest Send API request (a
 * persistent menu, a template's buttons) nests about ten levels. Containers are {@code Map}s, {@code Iterable}s,
 * arrays, {@code JsonNode}s and records (the typed model, which may hold any of these); anything else is a leaf.
 */
final class BodyStructure {

    /** The deepest nesting accepted, far above any documented Send API request. */
    static final int MAX_DEPTH = 64;
    /** The most values accepted in one body, far above any documented Send API request. */
    static final int MAX_VALUES = 100_000;

    private static final ConcurrentMap<Class<?>, RecordComponent[]> RECORD_COMPONENTS = new ConcurrentHashMap<>();

    private final String field;
    private final Object[] path = new Object[MAX_DEPTH + 1];
    private int values;

    private BodyStructure(String field) {
        this.field = field;
    }

    /**
     * @param field the request field the body becomes, named in the error
     * @throws MessengerValidationException for a cycle, a nesting deeper than {@value #MAX_DEPTH} or more than
     *                                      {@value #MAX_VALUES} values
     */
    static void check(Object body, String field) {
        if (body == null || body instanceof CharSequence || body instanceof Number || body instanceof Boolean
                || body instanceof Enum) {
            return;
        }
        new BodyStructure(field).visit(body, 0);
    }

    private void visit(Object value, int depth) {
        if (++values > MAX_VALUES) {
            throw new MessengerValidationException(field, values, MAX_VALUES,
                    field + " has more than " + MAX_VALUES + " values; the limit is " + MAX_VALUES);
        }
        if (!isContainer(value)) {
            return;
        }
        for (int i = 0; i < depth; i++) {
            if (path[i] == value) {
                throw new MessengerValidationException(field, field + " contains itself (a cycle " + (depth - i)
                        + " levels down): it cannot be written as JSON");
            }
        }
        if (depth == MAX_DEPTH) {
            throw new MessengerValidationException(field, depth + 1, MAX_DEPTH,
                    field + " nests deeper than " + MAX_DEPTH + " levels; the limit is " + MAX_DEPTH);
        }
        path[depth] = value;
        for (Iterator<?> children = children(value); children.hasNext();) {
            visit(children.next(), depth + 1);
        }
        path[depth] = null;
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof Iterable || value instanceof JsonNode node && node.isContainerNode()
                || value != null && (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()
                        || value.getClass().isRecord());
    }

    private static Iterator<?> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().iterator();
        }
        if (value instanceof JsonNode node) {
            return node.elements();
        }
        if (value instanceof Iterable<?> iterable) {
            return iterable.iterator();
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            return new Iterator<>() {

                private int index;

                @Override
                public boolean hasNext() {
                    return index < length;
                }

                @Override
                public Object next() {
                    return Array.get(value, index++);
                }
            };
        }
        RecordComponent[] components = RECORD_COMPONENTS.computeIfAbsent(value.getClass(), Class::getRecordComponents);
        return new Iterator<>() {

            private int index;

            @Override
            public boolean hasNext() {
                return index < components.length;
            }

            @Override
            public Object next() {
                try {
                    return components[index++].getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    // a record component Jackson could not read either: not a container, nothing to walk
                    return null;
                }
            }
        };
    }
}
