package dev.quorum.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field path in a design as findings and files name it, such as {@code queries[2].frequency}: reads the
 * value there, and builds a new immutable design with another value there (every record on the way is
 * rebuilt through its canonical constructor, so the compact constructors still normalise).
 */
public final class DesignPath {

    private static final Pattern STEP = Pattern.compile("([a-z0-9_]+)(?:\\[(\\d+)])?");

    /** Canonical constructors per record type; looked up once. */
    private static final ClassValue<Constructor<?>> CANONICAL = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                return type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getSimpleName() + " has no canonical constructor", e);
            }
        }
    };

    /** One step: a record component key and, for list components, an index (-1 for none). */
    private record Step(String key, int index) {
        @Override
        public String toString() {
            return index < 0 ? key : key + "[" + index + "]";
        }
    }

    private final List<Step> steps;
    private final String text;

    private DesignPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.text = String.join(".", steps.stream().map(Step::toString).toList());
    }

    /** Parses a path such as {@code persistence.data_elements[0].size_estimate}. */
    public static DesignPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty design path");
        }
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a design path: " + path);
            }
            steps.add(new Step(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))));
        }
        return new DesignPath(steps);
    }

    /** The path of row {@code index} of the list at {@code listPath}, such as {@code queries[2]}. */
    public static String row(String listPath, int index) {
        return listPath + "[" + index + "]";
    }

    /** The path as text. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The value at this path, or null when a step on the way is missing (an index past the end, say). */
    public Object get(Object root) {
        Object current = root;
        for (Step step : steps) {
            if (current == null) {
                return null;
            }
            RecordComponent c = component(current.getClass(), step.key());
            current = ModelPaths.value(c, current);
            if (step.index() >= 0) {
                if (!(current instanceof List<?> list) || step.index() >= list.size()) {
                    return null;
                }
                current = list.get(step.index());
            }
        }
        return current;
    }

    /** A copy of {@code root} with {@code value} at this path; the records on the way are rebuilt, the rest shared. */
    @SuppressWarnings("unchecked")
    public <T> T with(T root, Object value) {
        return (T) withAt(root, 0, value);
    }

    private Object withAt(Object current, int i, Object value) {
        Step step = steps.get(i);
        RecordComponent c = component(current.getClass(), step.key());
        Object child = ModelPaths.value(c, current);
        boolean last = i == steps.size() - 1;
        Object replaced;
        if (step.index() >= 0) {
            List<Object> list = new ArrayList<>((List<?>) child);
            if (step.index() >= list.size()) {
                throw new IllegalArgumentException("no row " + step.index() + " at " + text + " (" + list.size() + " rows)");
            }
            Object element = list.get(step.index());
            list.set(step.index(), last ? value : withAt(element, i + 1, value));
            replaced = List.copyOf(list);
        } else {
            replaced = last ? value : withAt(child, i + 1, value);
        }
        return copy(current, c, replaced);
    }

    /** The declared type of the value at this path: a record, a quantity, an enum, String, Boolean or List. */
    public Class<?> valueType(Class<?> rootType) {
        Type t = genericType(rootType);
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return (Class<?>) t;
    }

    /** The element type of the list at this path, for example {@code Query} for {@code queries}. */
    public Class<?> elementType(Class<?> rootType) {
        Type t = genericType(rootType);
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalArgumentException(text + " is not a list");
    }

    private Type genericType(Class<?> rootType) {
        Class<?> current = rootType;
        Type type = rootType;
        for (Step step : steps) {
            RecordComponent c = component(current, step.key());
            type = c.getGenericType();
            if (step.index() >= 0) {
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
            }
            current = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        }
        return type;
    }

    /** A record of {@code type} with every component empty, as a new table row starts. */
    public static Object emptyRecord(Class<?> type) {
        Constructor<?> constructor = CANONICAL.get(type);
        Object[] args = new Object[constructor.getParameterCount()];
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create an empty " + type.getSimpleName(), e);
        }
    }

    private static RecordComponent component(Class<?> type, String key) {
        RecordComponent c = ModelPaths.component(type, key);
        if (c == null) {
            throw new IllegalArgumentException("no field '" + key + "' in " + type.getSimpleName());
        }
        return c;
    }

    private static Object copy(Object record, RecordComponent changed, Object value) {
        Class<?> type = record.getClass();
        List<RecordComponent> components = ModelPaths.components(type);
        Object[] args = new Object[components.size()];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = components.get(i);
            args[i] = c.equals(changed) ? value : ModelPaths.value(c, record);
        }
        try {
            return CANONICAL.get(type).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " for " + changed.getName(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesignPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }
}
