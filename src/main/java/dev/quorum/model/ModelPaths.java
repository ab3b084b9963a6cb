package dev.quorum.model;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Names the model's fields the way design files and the template do: record components in snake_case,
 * joined by dots ({@code backup.strategy.frequency}).
 */
public final class ModelPaths {

    /** Components and keys per record type; reflection clones these arrays on every call, so they are cached. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        }
    };
    private static final ClassValue<java.util.Map<String, RecordComponent>> BY_KEY = new ClassValue<>() {
        @Override
        protected java.util.Map<String, RecordComponent> computeValue(Class<?> type) {
            java.util.Map<String, RecordComponent> map = new java.util.HashMap<>();
            for (RecordComponent c : COMPONENTS.get(type)) {
                map.put(key(c), c);
            }
            return java.util.Map.copyOf(map);
        }
    };

    private ModelPaths() {
    }

    /** The components of a record type in declaration order (empty for other types); do not modify. */
    public static List<RecordComponent> components(Class<?> type) {
        return List.of(COMPONENTS.get(type));
    }

    /** The file key of a record component: {@code dataElements} becomes {@code data_elements}. */
    public static String key(RecordComponent component) {
        return component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The file keys of a record type, in component order. */
    public static List<String> keys(Class<? extends Record> type) {
        return Arrays.stream(COMPONENTS.get(type)).map(ModelPaths::key).toList();
    }

    /** The component of {@code type} whose key is {@code key}, or null. */
    public static RecordComponent component(Class<?> type, String key) {
        return BY_KEY.get(type).get(key);
    }

    /**
     * The value at a dotted path below {@code root}, for example {@code get(design, "backup.recovery.rpo")}.
     *
     * @throws IllegalArgumentException when a step of the path names no component
     */
    public static Object get(Object root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            RecordComponent c = component(current.getClass(), step);
            if (c == null) {
                throw new IllegalArgumentException("no field '" + step + "' in " + current.getClass().getSimpleName()
                        + " (path " + path + ")");
            }
            current = value(c, current);
        }
        return current;
    }

    /** Reads one component of a record. */
    public static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
